import Foundation
import LangNgheCore
import Testing

/// The engine the statistics tests read cases with: the computed calendar and the default
/// policies. March and April 2026 hold no holiday before the Hùng Kings' compensatory Monday,
/// 27 April, so a petition received on Wednesday 11 March at 10:00 is due on 8 April.
let statsEngine = DeadlineEngine(calendar: WorkingCalendar())

/// A petition received at `received` (Vietnam time) and assigned to `agency` the next
/// morning, which accepts it; answered at `answered` if given.
func statsLog(agency: String, received: String = "2026-03-11 10:00", answered: String? = nil) -> Log {
    let day = String(received.prefix(10))
    let next = statsEngine.calendar.addWorkingDays(1, to: civil(day)).iso
    var log = Log().with(.submitted, received)
        .with(.assigned, "\(next) 09:00", agency: Agency.governmentOfficeCode, data: ["leadAgency": agency])
        .with(.acknowledged, "\(next) 10:00", agency: agency)
    if let answered { log = log.with(.answerPublished, answered, agency: agency) }
    return log
}

/// One case of a statistics test.
struct StatsCase {
    let code: String
    let log: Log
    var category = PetitionCategory.regulation

    var facts: [StatisticsFact] {
        StatisticsFact.facts(of: log.events, category: category, fieldCode: nil, engine: statsEngine)
    }
}

func statsCase(_ log: Log, code: String = "PAKN-2026-000001", category: PetitionCategory = .regulation) -> StatsCase {
    StatsCase(code: code, log: log, category: category)
}

/// The statistics of `cases` over `period` as the store gives them: their facts summed, the
/// evidence of the period's facts, and — if the period includes `today` — the cases late then.
func statsStatistics(_ cases: [StatsCase], period: ClosedRange<CivilDate>, today: String, agency: String? = nil) -> Statistics {
    let day = civil(today)
    var evidence: [Statistics.Evidence] = []
    for c in cases {
        for fact in c.facts where period.contains(fact.day) {
            if let reason = Rollup.namingReason(of: fact.measure) {
                evidence.append(.init(reason: reason, agencyCode: fact.agencyCode, petitionID: Int(c.code.suffix(6)) ?? 0, current: false))
            }
        }
    }
    if period.contains(day) {
        for c in cases {
            let known = c.log.events.filter { CivilDate.localDate(of: $0.at) <= day }
            let lead = CaseState(events: known).leadAgency ?? Agency.governmentOfficeCode
            if statsEngine.answerDeadline(for: known, fieldCode: nil, category: c.category, today: day)?.isOverdue(today: day) == true {
                evidence.append(.init(reason: .overdueCases, agencyCode: lead, petitionID: Int(c.code.suffix(6)) ?? 0, current: true))
            }
            for clock in statsEngine.deadlines(for: known, fieldCode: nil, category: c.category, today: day)
            where clock.policy == "coordination" && clock.isOverdue(today: day) {
                evidence.append(
                    .init(
                        reason: .unansweredCoordination, agencyCode: clock.agencyCode ?? "", petitionID: Int(c.code.suffix(6)) ?? 0,
                        current: true))
            }
        }
    }
    return Statistics(period: period, counts: Rollup.counts(of: cases.flatMap(\.facts), in: period), evidence: evidence, agency: agency)
}

/// The tracking code numbered `number`: "PAKN-2026-000001" for 1.
func statsCode(_ number: Int) -> String {
    let digits = String(number)
    return "PAKN-2026-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
}

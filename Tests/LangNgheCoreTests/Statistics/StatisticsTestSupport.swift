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

/// The facts of `log` on `today`.
func statsFacts(
    _ log: Log, code: String = "PAKN-2026-000001", category: PetitionCategory = .regulation, today: String
) throws -> CaseFacts {
    try #require(
        CaseFacts(
            trackingCode: code, category: category, fieldCode: nil, events: log.events, engine: statsEngine,
            today: civil(today)))
}

/// The tracking code numbered `number`: "PAKN-2026-000001" for 1.
func statsCode(_ number: Int) -> String {
    let digits = String(number)
    return "PAKN-2026-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
}

import Foundation

/// One thing a case adds to the statistics, on the day of the event that settles it, for the
/// agency it concerns. Statistics over a period add up the facts of its days (`Rollup`).
///
/// The facts of an event depend only on the events before it, so an appended event only adds
/// facts, and a day's figures never change once the day is over: a past quarter stays as it
/// was reported.
public struct StatisticsFact: Sendable, Hashable, Comparable {
    public enum Measure: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The petition arrived (counted for VPCP, which receives everything).
        case submitted
        /// An agency was given the case as lead (an assignment, or a decision naming it).
        case received
        /// The first answer was published, on time or late (`answeredOnTime`, `answeredLate`),
        /// after `detail` working days from receipt (`answerDays`).
        case answered, answeredOnTime, answeredLate, answerDays
        /// A rating of `detail` (1–5), for the agency that answered.
        case rating
        /// Up to the Government, for the lead (VPCP before routing).
        case escalated
        /// Refused by VPCP for the reason `detail`.
        case refused
        /// The agency gave the case back; VPCP later gave it to the same agency again (overruled).
        case returned, overruledReturn
        /// The case was taken from the agency and given to another.
        case reassigned
        /// The sender kept complaining after the answer (counted, never a ground for naming).
        case followedUp
        /// A real public progress update restarted the answer clock.
        case restarted
        /// The agency was asked for its view; it replied after its deadline.
        case coordinationRequested, coordinationRepliedLate

        public static func < (a: Measure, b: Measure) -> Bool { a.rawValue < b.rawValue }
    }

    /// The day in Vietnam.
    public let day: CivilDate
    public let agencyCode: String
    public let category: PetitionCategory
    public let measure: Measure
    /// The measure's value where it has one (working days, a rating, a reason); "" otherwise.
    public let detail: String

    public init(day: CivilDate, agencyCode: String, category: PetitionCategory, measure: Measure, detail: String = "") {
        self.day = day
        self.agencyCode = agencyCode
        self.category = category
        self.measure = measure
        self.detail = detail
    }

    public static func < (a: StatisticsFact, b: StatisticsFact) -> Bool {
        (a.day, a.agencyCode, a.category.rawValue, a.measure, a.detail) < (b.day, b.agencyCode, b.category.rawValue, b.measure, b.detail)
    }
}

extension StatisticsFact {
    /// Every fact of a case's log, in log order.
    public static func facts(of events: [PetitionEvent], category: PetitionCategory, fieldCode: String?, engine: DeadlineEngine)
        -> [StatisticsFact]
    {
        let vpcp = Agency.governmentOfficeCode
        let offset = engine.officeHours.utcOffsetSeconds
        var facts: [StatisticsFact] = []
        var state = CaseState(events: [])
        var lastLead: String?
        var answeredBy: String?
        var returnedBy: [String] = []
        for (i, event) in events.enumerated() {
            let day = CivilDate.localDate(of: event.at, offsetSeconds: offset)
            func add(_ measure: Measure, _ agency: String?, _ detail: String = "") {
                facts.append(StatisticsFact(day: day, agencyCode: agency ?? vpcp, category: category, measure: measure, detail: detail))
            }
            /// A new lead: received by it, taken from the one before, and overruled if it had returned the case.
            func lead(_ to: String) {
                let from = state.leadAgency ?? lastLead
                guard to != state.leadAgency else { return }
                add(.received, to)
                if let from, from != to { add(.reassigned, from) }
                if returnedBy.contains(to) {
                    add(.overruledReturn, to)
                    returnedBy.removeAll { $0 == to }
                }
                lastLead = to
            }
            switch event.body {
            case is Submitted: add(.submitted, vpcp)
            case let assigned as Assigned: lead(assigned.leadAgency)
            case let decided as Decided: if let to = decided.leadAgency { lead(to) }
            case is Returned:
                if let agency = state.leadAgency ?? event.agencyCode {
                    add(.returned, agency)
                    returnedBy.append(agency)
                }
            case let rejected as Rejected: add(.refused, vpcp, rejected.reasonCode.rawValue)
            case is Escalated: add(.escalated, state.leadAgency)
            case let update as ProgressUpdated where update.restartsClock && event.isPublic: add(.restarted, state.leadAgency)
            case let request as CoordinationRequested: add(.coordinationRequested, request.agency)
            case is CoordinationReplied:
                if let agency = event.agencyCode,
                    repliedLate(events, through: i, agency: agency, day: day, fieldCode: fieldCode, category: category, engine: engine)
                {
                    add(.coordinationRepliedLate, agency)
                }
            case is AnswerPublished:
                if answeredBy == nil {
                    let lead = state.leadAgency ?? event.agencyCode ?? vpcp
                    answeredBy = lead
                    add(.answered, lead)
                    // The clock the answer met, read on its day: later events must not change it.
                    if case .met(_, let onTime) = engine.answerDeadline(
                        for: Array(events[...i]), fieldCode: fieldCode, category: category, today: day)?.state
                    {
                        add(onTime ? .answeredOnTime : .answeredLate, lead)
                    }
                    let start = engine.calendar.countingStart(receivedAt: events[0].at, officeHours: engine.officeHours)
                    add(.answerDays, lead, String(max(0, engine.calendar.workingDays(from: start, to: day))))
                }
            case let rated as Rated: add(.rating, answeredBy ?? state.leadAgency, String(rated.satisfaction))
            case is FollowedUp: add(.followedUp, answeredBy ?? state.leadAgency)
            default: break
            }
            event.body.apply(to: &state, event)
        }
        return facts
    }

    /// Whether the reply at `index` met its agency's coordination clock late.
    private static func repliedLate(
        _ events: [PetitionEvent], through index: Int, agency: String, day: CivilDate, fieldCode: String?, category: PetitionCategory,
        engine: DeadlineEngine
    ) -> Bool {
        let clocks = engine.deadlines(for: Array(events[...index]), fieldCode: fieldCode, category: category, today: day)
        return clocks.contains { clock in
            guard clock.agencyCode == agency, case .met(let on, let onTime) = clock.state else { return false }
            return on == day && !onTime && clock.startedAt < events[index].at
        }
    }
}

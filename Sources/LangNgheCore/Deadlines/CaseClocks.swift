import Foundation

/// What lists and filters need of a case's deadlines, computed when its events change and
/// stored beside it (the case row and `case_clocks`), so that sorting by due date and finding
/// the overdue are indexed queries instead of a pass over every case's events.
public struct CaseClocks: Sendable, Hashable {
    /// An open clock and who owes it.
    public struct Owed: Sendable, Hashable {
        public let policy: String
        /// The agency that owes it: the lead for the answer and forwarding clocks, the agency
        /// asked for a coordination clock; nil while VPCP holds the case.
        public let agencyCode: String?
        public let dueDate: CivilDate
        public let dueAt: Date
    }

    /// The main (answer) deadline: its state, and its due date while it can still be late.
    /// A paused deadline moves every day it waits, so it has a due date here only if it was
    /// already late when paused.
    public let state: String
    public let dueDate: CivilDate?
    public let dueAt: Date?
    /// Every open clock with a fixed due date.
    public let owed: [Owed]

    /// The clocks of `events` as they stand on the day of the last event.
    public init(events: [PetitionEvent], fieldCode: String?, category: PetitionCategory, leadAgency: String?, engine: DeadlineEngine) {
        let offset = engine.officeHours.utcOffsetSeconds
        let day = CivilDate.localDate(of: events.last?.at ?? Date(timeIntervalSince1970: 0), offsetSeconds: offset)
        let main = engine.answerDeadline(for: events, fieldCode: fieldCode, category: category, today: day)
        switch main?.state {
        case nil: state = "none"
        case .running: state = "running"
        case .paused: state = "paused"
        case .met(_, let onTime): state = onTime ? "met" : "metLate"
        case .cancelled: state = "cancelled"
        }
        let fixed = main.flatMap { deadline -> Deadline? in
            switch deadline.state {
            case .running: deadline
            case .paused: deadline.dueDate < day ? deadline : nil
            case .met, .cancelled: nil
            }
        }
        dueDate = fixed?.dueDate
        dueAt = fixed?.dueAt
        owed = engine.deadlines(for: events, fieldCode: fieldCode, category: category, today: day).compactMap { deadline in
            guard case .running = deadline.state else { return nil }
            return Owed(
                policy: deadline.policy, agencyCode: deadline.agencyCode ?? leadAgency, dueDate: deadline.dueDate, dueAt: deadline.dueAt)
        }
    }
}

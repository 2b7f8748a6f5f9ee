/// Who may append an event of a type, and in which statuses: the workflow's rule table.
public struct WorkflowRule: Sendable {
    /// Who may act, relative to the case.
    public enum Actors: Sendable {
        /// The system itself (intake, scheduler).
        case system
        /// Coordinators of the Government Office.
        case coordinator
        /// The holder of the access key.
        case submitter
        /// Officers and leaders of the lead agency.
        case leadHandlers
        /// Leaders of the lead agency.
        case leadLeader
        /// Leaders of the lead agency, or coordinators.
        case leadLeaderOrCoordinator
        /// Coordinators, or officers and leaders of the lead agency.
        case coordinatorOrLeadHandlers
        /// Officers and leaders of an agency with an unanswered coordination request.
        case coordinationTarget
        /// Everyone on the case: coordinators, the involved agencies' handlers, invited observers.
        case participants
    }

    public let actors: Actors
    public let statuses: Set<PetitionStatus>

    public init(actors: Actors, statuses: Set<PetitionStatus>) {
        self.actors = actors
        self.statuses = statuses
    }

    /// Every status in which a case is still open.
    public static let open: Set<PetitionStatus> = [.received, .awaitingInfo, .assigned, .inProgress, .answered, .escalated]

    /// The rule for each event type: its body's.
    public static func rule(for type: EventType) -> WorkflowRule { type.body.rule }
}

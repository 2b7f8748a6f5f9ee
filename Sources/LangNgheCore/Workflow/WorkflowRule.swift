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

    /// The rule for each event type.
    public static func rule(for type: EventType) -> WorkflowRule {
        let open: Set<PetitionStatus> = [.received, .awaitingInfo, .assigned, .inProgress, .answered, .escalated]
        switch type {
        case .submitted: return .init(actors: .system, statuses: [])
        case .assigned: return .init(actors: .coordinator, statuses: [.received, .assigned, .inProgress])
        case .rejected: return .init(actors: .coordinator, statuses: [.received, .awaitingInfo])
        case .returned: return .init(actors: .leadHandlers, statuses: [.assigned, .inProgress])
        case .acknowledged: return .init(actors: .leadHandlers, statuses: [.assigned])
        case .infoRequested: return .init(actors: .coordinatorOrLeadHandlers, statuses: [.received, .assigned, .inProgress])
        case .infoProvided: return .init(actors: .submitter, statuses: [.awaitingInfo])
        case .progressUpdated: return .init(actors: .leadHandlers, statuses: [.inProgress])
        case .coordinationRequested: return .init(actors: .leadHandlers, statuses: [.inProgress])
        case .coordinationReplied: return .init(actors: .coordinationTarget, statuses: [.inProgress, .answered, .escalated])
        case .answerDrafted: return .init(actors: .leadHandlers, statuses: [.inProgress, .answered])
        case .answerApproved: return .init(actors: .leadLeader, statuses: [.inProgress, .answered])
        case .answerPublished: return .init(actors: .leadLeaderOrCoordinator, statuses: [.inProgress, .answered])
        case .followedUp: return .init(actors: .submitter, statuses: [.answered])
        case .rated: return .init(actors: .submitter, statuses: [.answered, .closed])
        case .escalated: return .init(actors: .coordinator, statuses: [.assigned, .inProgress, .answered])
        case .decided: return .init(actors: .coordinator, statuses: [.escalated])
        case .merged: return .init(actors: .coordinator, statuses: [.received, .awaitingInfo, .assigned, .inProgress])
        case .closed: return .init(actors: .coordinator, statuses: [.answered])
        case .noteAdded: return .init(actors: .participants, statuses: Set(PetitionStatus.allCases))
        case .observerInvited: return .init(actors: .coordinator, statuses: open)
        case .redacted: return .init(actors: .leadLeaderOrCoordinator, statuses: [.inProgress, .answered, .closed])
        case .markedUseful: return .init(actors: .coordinator, statuses: [.answered, .closed])
        }
    }
}

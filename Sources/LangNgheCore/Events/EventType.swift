/// Everything that can happen to a petition: one named operation each (DOMAIN.md §5). What
/// each one means lives in its body type, in `Types/`.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case submitted
    case rejected
    case infoRequested
    case infoProvided
    case assigned
    case returned
    case acknowledged
    case progressUpdated
    case coordinationRequested
    case coordinationReplied
    case answerDrafted
    case answerApproved
    case answerPublished
    case followedUp
    case rated
    case escalated
    case decided
    case merged
    case closed
    case noteAdded
    case observerInvited
    case redacted
    case markedUseful
    case markedNotPersonal
    case personalDataErased

    /// The type that holds this event's fields and rules: the one table from names to types.
    public var body: any EventBody.Type {
        switch self {
        case .submitted: Submitted.self
        case .rejected: Rejected.self
        case .infoRequested: InfoRequested.self
        case .infoProvided: InfoProvided.self
        case .assigned: Assigned.self
        case .returned: Returned.self
        case .acknowledged: Acknowledged.self
        case .progressUpdated: ProgressUpdated.self
        case .coordinationRequested: CoordinationRequested.self
        case .coordinationReplied: CoordinationReplied.self
        case .answerDrafted: AnswerDrafted.self
        case .answerApproved: AnswerApproved.self
        case .answerPublished: AnswerPublished.self
        case .followedUp: FollowedUp.self
        case .rated: Rated.self
        case .escalated: Escalated.self
        case .decided: Decided.self
        case .merged: Merged.self
        case .closed: Closed.self
        case .noteAdded: NoteAdded.self
        case .observerInvited: ObserverInvited.self
        case .redacted: Redacted.self
        case .markedUseful: MarkedUseful.self
        case .markedNotPersonal: MarkedNotPersonal.self
        case .personalDataErased: PersonalDataErased.self
        }
    }

    /// Whether the public timeline shows this event.
    public var isPublic: Bool { body.isPublic }
}

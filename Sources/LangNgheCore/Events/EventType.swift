/// Everything that can happen to a petition: one named operation each (DOMAIN.md §5).
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
    /// A coordinator invites an observer (press, association, expert) to comment on the case.
    case observerInvited
    /// Personal data masked in the title, the content or the answer before publication: the
    /// original stays private, the event holds the public version (DOMAIN.md §6).
    case redacted
    /// A coordinator marks a petition as useful, with what it led to (an amended regulation).
    case markedUseful

    /// Whether the public timeline shows this event. Drafts, internal coordination and notes stay
    /// inside the administration until an answer is published.
    public var isPublic: Bool {
        switch self {
        case .submitted, .rejected, .infoRequested, .infoProvided, .assigned, .returned,
            .acknowledged, .progressUpdated, .answerPublished, .followedUp, .rated,
            .escalated, .decided, .merged, .closed:
            true
        case .markedUseful:
            true
        case .coordinationRequested, .coordinationReplied, .answerDrafted, .answerApproved, .noteAdded, .observerInvited, .redacted:
            false
        }
    }

    /// What the submitter writes after filing (information provided, a follow-up, a rating's
    /// comment) goes to staff and the submitter only: the public timeline shows that it
    /// happened, never the words, which may carry personal data (DOMAIN.md §6).
    public var keepsTextPrivate: Bool {
        switch self {
        case .infoProvided, .followedUp, .rated: true
        default: false
        }
    }
}

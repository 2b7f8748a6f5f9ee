/// Why an event cannot be appended. Each maps to an HTTP status: 401, 403, 409, 422.
public enum WorkflowError: Error, Sendable, Equatable {
    /// Nobody is signed in (and no access key was given).
    case unauthenticated
    /// This principal may never do this on this case.
    case forbidden
    /// Not now: the case is in the wrong state for it. The reason says why.
    case conflict(ConflictReason)
    /// The event's fields are missing or invalid.
    case invalid([FieldError])
}

/// Why an event is not allowed in the case's current state; each has a sentence in the
/// string catalogues (`conflict_<reason>`).
public enum ConflictReason: String, Sendable, Codable, CaseIterable {
    /// The status does not allow this event.
    case status
    /// Approval needs a draft that is not yet approved.
    case noDraftToApprove
    /// Publication needs an approved draft.
    case noApprovedDraft
    /// Rating and following up need a published answer.
    case noAnswerYet
    /// The answer was already rated.
    case alreadyRated
    /// Disagreement needs at least two agencies on the case.
    case needsTwoAgencies
    /// A repeated complaint needs a follow-up after the answer.
    case needsFollowUp
    /// The system records submissions itself.
    case systemOnly
    /// The account that drafted an answer may not approve it.
    case approverIsDrafter
    /// At screening, only a matter within the Government's own authority goes up.
    case onlyGovernmentAuthorityAtScreening
    /// Personal data in what would be published is neither masked nor marked "not personal data".
    case personalDataUnmasked
    /// Nothing was named to mark as not personal data.
    case nothingToMark
    /// The submitter's personal data was already erased.
    case alreadyErased
}

/// Why the Government Office refuses a petition; each has a public explanation (vi/en) in the
/// string catalogues, telling the sender where to go instead.
public enum RefusalReason: String, Sendable, Codable, CaseIterable {
    case outOfScopeComplaint, outOfScopeDenunciation, legalQuestion, missingInformation, notVietnamese
    case abusive, duplicate, stateSecret, other
}

/// Why a case goes up to the Government / Prime Minister (DOMAIN.md §1.5).
public enum EscalationReason: String, Sendable, Codable, CaseIterable {
    /// Two or more agencies handled it and could not agree.
    case disagreement
    /// It was answered and the submitter keeps complaining.
    case repeatedComplaint
    /// It is within the Government's or the Prime Minister's own authority.
    case governmentAuthority
}

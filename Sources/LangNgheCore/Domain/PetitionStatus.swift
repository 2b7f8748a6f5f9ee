/// The status of a case, derived from its events (DOMAIN.md §5); never set directly.
public enum PetitionStatus: String, Sendable, Codable, CaseIterable {
    case received, rejected, awaitingInfo, assigned, inProgress, answered, escalated, closed

    /// Whether the case still waits for someone in the administration.
    public var isOpen: Bool {
        switch self {
        case .rejected, .closed: false
        default: true
        }
    }
}

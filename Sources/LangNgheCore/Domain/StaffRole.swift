/// A staff account's role (DOMAIN.md §5). Every account belongs to one agency.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// Government Office staff who screen, route, escalate and record decisions (VPCP only).
    case coordinator
    /// An agency's focal unit: handles the cases routed to the agency.
    case officer
    /// Approves and signs the agency's answers.
    case leader
    /// Accounts, agencies, categories, calendar and policies.
    case admin
    /// Press, associations, experts: what is public, and comments where invited.
    case observer
}

extension StaffRole {
    /// Coordinators work for the Government Office; every other role may belong to any agency.
    public func isAllowed(atAgency code: String) -> Bool {
        self != .coordinator || code == Agency.governmentOfficeCode
    }
}

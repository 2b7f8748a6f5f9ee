/// Who asks to do something: the public, the holder of a petition's access key, the system,
/// or a signed-in staff member of an agency.
public enum Principal: Sendable, Hashable {
    case anonymous
    case submitter
    case system
    case staff(StaffIdentity)

    public var staff: StaffIdentity? {
        if case .staff(let identity) = self { identity } else { nil }
    }
}

/// What the rules need to know of a staff account.
public struct StaffIdentity: Sendable, Hashable {
    public var id: Int64
    public var username: String
    public var agencyCode: String
    public var role: StaffRole

    public init(id: Int64, username: String, agencyCode: String, role: StaffRole) {
        self.id = id
        self.username = username
        self.agencyCode = agencyCode
        self.role = role
    }

    /// A coordinator of the Government Office.
    public var isCoordinator: Bool { role == .coordinator && agencyCode == Agency.governmentOfficeCode }

    /// An officer or leader: someone who handles cases for their agency.
    public var handlesCases: Bool { role == .officer || role == .leader }
}

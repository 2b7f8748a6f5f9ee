/// Who sent a petition. Personal data: never published, shown only to the submitter and to staff
/// who may handle the case.
public struct Submitter: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case individual, organization
    }

    public var kind: Kind
    public var name: String
    public var address: String
    public var phone: String
    public var email: String
    /// Only for organisations.
    public var organizationName: String?
    /// Only for organisations (mã số thuế).
    public var taxCode: String?

    public init(
        kind: Kind, name: String, address: String, phone: String, email: String,
        organizationName: String? = nil, taxCode: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.organizationName = organizationName
        self.taxCode = taxCode
    }
}

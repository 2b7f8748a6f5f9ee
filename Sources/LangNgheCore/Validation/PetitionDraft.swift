/// A petition as typed into the form or sent to the API, before anything is checked.
/// Every value is optional text so that a form can come back exactly as it was filled in.
public struct PetitionDraft: Sendable, Hashable, Codable {
    public var submitterKind: String?
    public var name: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var organizationName: String?
    public var taxCode: String?
    public var category: String?
    public var field: String?
    public var agencyCode: String?
    public var title: String?
    public var content: String?
    public var publishName: Bool
    /// How the submitter wants to be told of each step ("email", "sms"); nil when the request
    /// did not say (the API): then by e-mail if an address is given.
    public var notifyBy: [String]?

    public init(
        submitterKind: String? = nil, name: String? = nil, address: String? = nil,
        phone: String? = nil, email: String? = nil, organizationName: String? = nil,
        taxCode: String? = nil, category: String? = nil, field: String? = nil,
        agencyCode: String? = nil, title: String? = nil, content: String? = nil,
        publishName: Bool = false, notifyBy: [String]? = nil
    ) {
        self.notifyBy = notifyBy
        self.submitterKind = submitterKind
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.organizationName = organizationName
        self.taxCode = taxCode
        self.category = category
        self.field = field
        self.agencyCode = agencyCode
        self.title = title
        self.content = content
        self.publishName = publishName
    }
}

/// A petition that passed every check, ready to be stored.
public struct ValidPetition: Sendable, Hashable {
    public var submitter: Submitter
    public var category: PetitionCategory
    public var fieldCode: String?
    /// The agency the submitter named; nil ("không rõ") leaves routing to the Government Office.
    public var agencyCode: String?
    public var title: String
    public var content: String
    public var publishName: Bool
    /// The channels the submitter chose to be told by.
    public var notifyBy: Set<NotificationChannel>

    public init(
        submitter: Submitter, category: PetitionCategory, fieldCode: String?, agencyCode: String?,
        title: String, content: String, publishName: Bool, notifyBy: Set<NotificationChannel> = []
    ) {
        self.notifyBy = notifyBy
        self.submitter = submitter
        self.category = category
        self.fieldCode = fieldCode
        self.agencyCode = agencyCode
        self.title = title
        self.content = content
        self.publishName = publishName
    }
}

/// The reference data a draft is checked against.
public struct IntakeReference: Sendable {
    public var fields: [String: Field]
    public var activeAgencyCodes: Set<String>

    public init(fields: [Field], agencies: [Agency]) {
        self.fields = Dictionary(fields.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.activeAgencyCodes = Set(agencies.filter(\.active).map(\.code))
    }
}

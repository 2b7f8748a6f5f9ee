/// A ministry, ministry-level agency, Government agency, province, or the Government Office itself.
public struct Agency: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case governmentOffice, ministry, ministryLevel, governmentAgency, province
    }

    /// The Government Office screens, routes and escalates every petition.
    public static let governmentOfficeCode = "VPCP"

    public var code: String
    public var nameVi: String
    public var nameEn: String
    public var kind: Kind
    public var active: Bool

    public init(code: String, nameVi: String, nameEn: String, kind: Kind, active: Bool = true) {
        self.code = code
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.kind = kind
        self.active = active
    }

    public func name(_ language: Language) -> String {
        language == .vi ? nameVi : nameEn
    }
}

extension Array where Element == Agency {
    /// The agencies by code, for naming the agency of each row of a page.
    public var byCode: [String: Agency] {
        Dictionary(map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

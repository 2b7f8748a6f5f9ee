/// The three kinds of content a PAKN may have (Decree 20/2008 Art. 5, amended by Decree 92/2017).
public enum PetitionCategory: String, Sendable, Codable, CaseIterable {
    /// Officials' delay, harassment, non-implementation or wrong implementation of procedures.
    case conduct
    /// Regulations unfit for reality, inconsistent, unlawful or contrary to treaties.
    case regulation
    /// Solutions and initiatives for new regulations.
    case proposal
}

/// A category as reference data: its names and a plain explanation for citizens.
public struct CategoryInfo: Sendable, Hashable, Codable {
    public var code: PetitionCategory
    public var nameVi: String
    public var nameEn: String
    public var descriptionVi: String
    public var descriptionEn: String

    public init(code: PetitionCategory, nameVi: String, nameEn: String, descriptionVi: String, descriptionEn: String) {
        self.code = code
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.descriptionVi = descriptionVi
        self.descriptionEn = descriptionEn
    }

    public func name(_ language: Language) -> String { language == .vi ? nameVi : nameEn }
    public func description(_ language: Language) -> String { language == .vi ? descriptionVi : descriptionEn }
}

/// A field (lĩnh vực) such as land or taxes, and the categories it applies to.
public struct Field: Sendable, Hashable, Codable {
    public var code: String
    public var nameVi: String
    public var nameEn: String
    public var categories: [PetitionCategory]
    public var active: Bool

    public init(code: String, nameVi: String, nameEn: String, categories: [PetitionCategory], active: Bool = true) {
        self.code = code
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.categories = categories
        self.active = active
    }

    public func name(_ language: Language) -> String { language == .vi ? nameVi : nameEn }
}

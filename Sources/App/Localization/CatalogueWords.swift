import LangNgheCore

/// Events read as words in one language: the catalogue's strings and the agencies' names.
struct CatalogueWords: EventWords {
    let catalogue: Catalogue
    let language: Language
    let agencies: [String: Agency]

    func text(_ key: String) -> String { catalogue.text(key, language) }
    func agencyName(_ code: String) -> String { agencies[code]?.name(language) ?? code }
}

import LangNgheCore

/// A date input of a filter: the date as the site shows it (day/month/year), or as typed when
/// it is wrong, with the problem to show beside it.
struct DateField {
    let name: String
    let label: String
    let value: String
    let error: String?

    /// `field`: the name the errors use, when the input's differs (`tu` reports as `from`).
    init(
        name: String, field: String? = nil, label: String, typed: String?, date: CivilDate?, errors: [FieldError], catalogue: Catalogue,
        language: Language
    ) {
        self.name = name
        self.label = label
        let problem = errors.first { $0.field == (field ?? name) }
        value = problem == nil ? date.map(DisplayDate.format) ?? "" : typed ?? ""
        error = problem.map { catalogue.message(for: $0, language) }
    }
}

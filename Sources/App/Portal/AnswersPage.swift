import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// One published answer, for lists and its own page.
struct AnswerItem {
    let code: String
    let href: String
    let title: String
    let content: String
    let answer: String
    let agency: String
    let category: String
    let status: String
    let statusKey: String
    let receivedAt: String
    let publishedAt: String
    let submitterName: String?
    let useful: String?
    /// "Signed by … for … at …", and the printable signed document.
    let signedLine: String?
    let signedHref: String
    /// Search results: the extract around the terms, in pieces to highlight.
    let snippet: [Snippet.Piece]?
    let hasSnippet: Bool

    init(_ a: PublishedAnswer, catalogue: Catalogue, language: Language, agencies: [String: Agency], snippet: Snippet?) {
        code = a.trackingCode.description
        href = Site.answer(.value(code)).path
        title = a.title
        content = a.content
        answer = a.answer
        agency = a.agencyCode.map { agencies[$0]?.name(language) ?? $0 } ?? ""
        category = catalogue.text("category_" + a.category.rawValue, language)
        status = catalogue.text("status_" + a.status.rawValue, language)
        statusKey = a.status.rawValue
        receivedAt = DisplayDate.format(a.receivedAt)
        publishedAt = DisplayDate.format(a.publishedAt)
        submitterName = a.submitterName
        useful = a.useful
        let agencyName = agency
        signedLine = a.signer.map { signer in
            catalogue.text("signed_line", language).replacingOccurrences(of: "{signer}", with: signer)
                .replacingOccurrences(of: "{agency}", with: agencyName)
                .replacingOccurrences(of: "{at}", with: a.signedAt.map(DisplayDate.format) ?? "")
        }
        signedHref = Site.signedAnswer(.value(code)).path
        self.snippet = snippet?.pieces
        hasSnippet = snippet != nil
    }
}

/// `/tra-loi`: published answers with their filters.
struct AnswersPage {
    typealias Option = SelectOption

    let items: [AnswerItem]
    /// Grouped as the reader's language writes numbers.
    let total: String
    let message: String?
    let agencies: [Option]
    let categories: [Option]
    let fields: [Option]
    let from: DateField
    let to: DateField
    let previousHref: String?
    let nextHref: String?
    let isEmpty: Bool

    init(
        answers: [PublishedAnswer], total: Int, filter: AnswerFilter, request: Request, errors: [FieldError], store: Store,
        catalogue: Catalogue,
        language: Language
    ) async throws {
        let allAgencies = try await store.agencies()
        let byCode = allAgencies.byCode
        items = answers.map { AnswerItem($0, catalogue: catalogue, language: language, agencies: byCode, snippet: nil) }
        self.total = NumberText.grouped(total, language)
        // The dates' problems go beside their fields, the others above the form.
        let others = errors.filter { $0.field != "from" && $0.field != "to" }
        message =
            others.isEmpty
            ? nil
            : others.map { catalogue.text("label_" + $0.field, language) + ": " + catalogue.message(for: $0, language) }.joined(
                separator: " ")
        agencies = allAgencies.map { Option(value: $0.code, label: $0.name(language), selected: $0.code == filter.agency) }
        categories = PetitionCategory.allCases.map {
            Option(value: $0.rawValue, label: catalogue.text("category_" + $0.rawValue, language), selected: $0 == filter.category)
        }
        fields = try await store.fields().map { Option(value: $0.code, label: $0.name(language), selected: $0.code == filter.field) }
        let query = request.uri.queryParameters
        from = DateField(
            name: "from", label: catalogue.text("answers_from", language), typed: request.formQuery("from"), date: filter.from,
            errors: errors, catalogue: catalogue,
            language: language)
        to = DateField(
            name: "to", label: catalogue.text("answers_to", language), typed: request.formQuery("to"), date: filter.to, errors: errors,
            catalogue: catalogue,
            language: language)
        func link(_ page: Int) -> String {
            var items = ["agency", "category", "field", "status", "from", "to"].compactMap { name in
                query.get(name).flatMap {
                    $0.isEmpty ? nil : name + "=" + ($0.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? "")
                }
            }
            items.append("page=\(page)")
            return Site.answers.path + "?" + items.joined(separator: "&")
        }
        previousHref = filter.page > 1 ? link(filter.page - 1) : nil
        nextHref = filter.page * filter.pageSize < total ? link(filter.page + 1) : nil
        isEmpty = answers.isEmpty
    }
}

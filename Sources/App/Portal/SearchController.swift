import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Diacritic-insensitive search over published petitions and answers: `/tim-kiem` and
/// `/api/v1/search`. The database finds and ranks the documents holding every term
/// (`Store.search`); only a page of them leaves it.
struct SearchController {
    let store: Store
    let views: Views
    static let pageSize = 20

    struct Result {
        let items: [(PublishedAnswer, Snippet)]
        let total: Int
        let totalIsEstimate: Bool
        let hasMore: Bool
        let page: Int
    }

    /// The page's answers, ranked by the database; only they get snippets.
    func search(_ text: String, agency: String?, page: Int) async throws -> Result {
        let query = SearchQuery(text)
        guard !query.isEmpty else { return Result(items: [], total: 0, totalIsEstimate: false, hasMore: false, page: page) }
        let found = try await store.search(query, agency: agency, page: page, pageSize: Self.pageSize)
        let items = found.answers.map { ($0, Snippet(text: $0.content + " " + $0.answer, query: query)) }
        return Result(items: items, total: found.total, totalIsEstimate: found.totalIsEstimate, hasMore: found.hasMore, page: page)
    }

    struct SearchItemView: Encodable {
        var trackingCode, title, agency, publishedAt, snippet: String
        var highlights: [String]
    }

    @Sendable func json(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (text, agency, page) = try Self.parameters(request)
        let result = try await search(text, agency: agency, page: page)
        let items = result.items.map { answer, snippet in
            SearchItemView(
                trackingCode: answer.trackingCode.description, title: answer.title, agency: answer.agencyCode ?? "",
                publishedAt: Timestamp.string(answer.publishedAt), snippet: snippet.pieces.map(\.text).joined(),
                highlights: snippet.pieces.filter(\.highlighted).map(\.text))
        }
        return JSONBody.response([
            "query": AnyEncodable(text), "total": AnyEncodable(result.total), "totalIsEstimate": AnyEncodable(result.totalIsEstimate),
            "hasMore": AnyEncodable(result.hasMore),
            "page": AnyEncodable(page), "items": AnyEncodable(items),
        ])
    }

    struct SearchPage {
        let query: String
        let items: [AnswerItem]
        let total: String
        let totalIsEstimate: Bool
        let searched: Bool
        let isEmpty: Bool
        let nextHref: String?
        let previousHref: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (text, agency, page) = try Self.parameters(request)
        let result = try await search(text, agency: agency, page: page)
        let agencies = try await store.agencies().byCode
        let items = result.items.map {
            AnswerItem($0.0, catalogue: views.catalogue, language: context.language, agencies: agencies, snippet: $0.1)
        }
        let base =
            Site.search.path + "?q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            + (agency.map { "&agency=" + $0 } ?? "")
        let model = SearchPage(
            query: text, items: items, total: NumberText.grouped(result.total, context.language), totalIsEstimate: result.totalIsEstimate,
            searched: !SearchQuery(text).isEmpty, isEmpty: items.isEmpty,
            nextHref: result.hasMore ? base + "&page=\(page + 1)" : nil,
            previousHref: page > 1 ? base + "&page=\(page - 1)" : nil)
        return views.page("search", title: views.catalogue.text("search_title", context.language), body: model, context: context)
    }

    static func parameters(_ request: Request) throws -> (String, String?, Int) {
        let query = request.uri.queryParameters
        let text = String((request.formQuery("q") ?? "").prefix(200))
        let page: Int
        do { page = try PageNumber(parsing: query.get("page")).value } catch { throw AppError.validation([error]) }
        return (text, query.get("agency").flatMap { $0.isEmpty ? nil : $0 }, page)
    }
}

import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Open data for the press and other systems: exports of published cases (no personal data) as
/// CSV and JSON, streamed a page at a time so that a million rows need no more memory than ten;
/// Atom feeds of newly published answers, overall and per agency.
struct OpenDataController {
    let store: Store
    let baseURL: String

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let filter = try AnswerFilterReader.read(request)
        let store = store
        let body = ResponseBody { writer in
            // A byte-order mark so that spreadsheet programs read the Vietnamese as UTF-8.
            try await writer.write(
                ByteBuffer(bytes: [0xEF, 0xBB, 0xBF] + Array((OpenDataFormat.columns.joined(separator: ",") + "\r\n").utf8)))
            try await store.forEachPublishedAnswer(filter) { page in
                var chunk = ""
                for a in page { chunk += OpenDataFormat.csvRow(a) }
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Self.download("text/csv; charset=utf-8", "langnghe-answers.csv"), body: body)
    }

    @Sendable func json(_ request: Request, context: AppRequestContext) async throws -> Response {
        let filter = try AnswerFilterReader.read(request)
        let store = store
        let body = ResponseBody { writer in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await writer.write(ByteBuffer(string: "["))
            var first = true
            try await store.forEachPublishedAnswer(filter) { page in
                var chunk = Data()
                for a in page {
                    if !first { chunk.append(contentsOf: Array(",\n".utf8)) }
                    first = false
                    chunk.append(try encoder.encode(AnswerView(a)))
                }
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.write(ByteBuffer(string: "]\n"))
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Self.download("application/json; charset=utf-8", "langnghe-answers.json"), body: body)
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await atom(AnswerFilter(pageSize: 50), title: "LangNghe — Câu trả lời mới công bố", path: Site.answersFeed.path)
    }

    /// `/feeds/agencies/{code}.atom`
    @Sendable func agencyFeed(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let code = context.parameters.get("code"), let agency = try await store.agencies().first(where: { $0.code == code }) else {
            throw AppError.notFound
        }
        return try await atom(
            AnswerFilter(agency: code, pageSize: 50), title: "LangNghe — " + agency.nameVi, path: Site.agencyFeed(.value(code)).path)
    }

    private func atom(_ filter: AnswerFilter, title: String, path: String) async throws -> Response {
        let (answers, _) = try await store.publishedAnswers(filter)
        return AtomFeed(
            title: title, url: baseURL + path, updated: answers.first.map { Timestamp.string($0.publishedAt) } ?? AtomFeed.epoch,
            entries: answers.map { a in
                let link = baseURL + Site.answer(.value(a.trackingCode.description)).path
                return AtomFeed.Entry(
                    title: a.title, id: link, link: link, updated: Timestamp.string(a.publishedAt),
                    author: a.agencyCode ?? Agency.governmentOfficeCode, summary: String(a.answer.prefix(600)))
            }
        ).response
    }

    static func download(_ type: String, _ name: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return headers
    }
}

/// The CSV export's format, shared by the route and the export benchmark.
public enum OpenDataFormat {
    public static let columns = [
        "trackingCode", "agency", "category", "field", "status", "receivedAt", "publishedAt", "title", "content", "answer", "submitterName",
        "useful",
    ]

    /// One line, CRLF-terminated.
    public static func csvRow(_ a: PublishedAnswer) -> String {
        let view = AnswerView(a)
        let fields = [
            view.trackingCode, view.agency ?? "", view.category, view.field ?? "", view.status, view.receivedAt, view.publishedAt,
            view.title, view.content, view.answer, view.submitterName ?? "", view.useful ?? "",
        ]
        return fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. A
    /// leading = + - @ is prefixed with a quote so spreadsheets do not run it as a formula.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

}

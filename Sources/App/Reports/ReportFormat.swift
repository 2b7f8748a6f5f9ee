import Crypto
import Foundation
import Hummingbird
import LangNgheCore
import Mustache

/// The forms a report is downloaded in: printable HTML, the CSV tables in a ZIP, or JSON (the
/// report's canonical JSON, schema in docs/report-schema.json; signed, the `SignedReport`).
enum ReportFormat: String, Sendable, CaseIterable {
    case html, csv, json

    var mediaType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .csv: "application/zip"
        case .json: "application/json"
        }
    }

    var fileExtension: String { self == .csv ? "zip" : rawValue }
}

/// Writes a report in a `ReportFormat`: the same bytes for the same report, language and signature.
struct ReportRenderer: Sendable {
    let catalogue: Catalogue
    let library: MustacheLibrary

    enum Failure: Error {
        case missingTemplate
    }

    func render(
        _ report: PeriodReport, signed: SignedReport?, format: ReportFormat, language: Language, agencyNames: [String: String],
        verifyURL: String
    ) throws -> [UInt8] {
        switch format {
        case .json:
            if let signed { return try CanonicalJSON(encoding: signed).bytes }
            return try report.canonicalBytes()
        case .csv:
            return try report.csvArchive()
        case .html:
            let document = ReportDocument(
                report, catalogue: catalogue, language: language, agencyNames: agencyNames, signed: signed, verifyURL: verifyURL)
            guard let html = document.render(library) else { throw Failure.missingTemplate }
            return Array(html.utf8)
        }
    }

    /// A download: the printable page shown in the browser (to print), the others saved.
    static func response(_ bytes: [UInt8], report: PeriodReport, format: ReportFormat, cache: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        headers[.contentDisposition] = (format == .html ? "inline" : "attachment") + "; filename=\"\(fileName(report, format: format))\""
        headers[.cacheControl] = cache
        if format == .html, let style = styleElement(bytes) {
            // The page's own style, allowed by its hash: a download prints offline with it.
            let hash = Data(SHA256.hash(data: style)).base64EncodedString()
            headers[.contentSecurityPolicy] = SecurityHeadersMiddleware<AppRequestContext>.contentSecurityPolicy(styleHashes: [hash])
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The text of the document's one `<style>` element.
    private static func styleElement(_ html: [UInt8]) -> [UInt8]? {
        let open = Array("<style>".utf8)
        let close = Array("</style>".utf8)
        guard let start = html.firstRange(of: open)?.upperBound, let end = html[start...].firstRange(of: close)?.lowerBound else {
            return nil
        }
        return Array(html[start..<end])
    }

    /// A file name for a download: `bao-cao-2026-Q3-BTC.html`.
    static func fileName(_ report: PeriodReport, format: ReportFormat) -> String {
        let p = report.parameters
        let name = "bao-cao-" + p.period.replacingOccurrences(of: "..", with: "_") + (p.agency.map { "-" + $0 } ?? "")
        return name + (p.audience == ReportAudience.public.rawValue ? "-cong-khai" : "") + "." + format.fileExtension
    }
}

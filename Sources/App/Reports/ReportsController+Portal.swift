import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// The reports on the portal and in the API (issue 13 §4): each quarter's public version as it
/// was published, signed by the Government Office, as a printable page, CSV tables or JSON; and
/// for staff through the API, a report made now (`GET /api/v1/reports/generate`), under the same
/// rules as the back office: coordinators and admins for any agency, leaders for their own.
extension ReportsController {
    struct ListPage {
        struct Item {
            let period: String
            let name: String
            let publishedAt: String
            let href: String
            let csvHref: String
            let jsonHref: String
        }
        let items: [Item]
        let hasItems: Bool
        let verifyHref = Site.verify.path
    }

    /// `/bao-cao`: every published report, the newest first.
    @Sendable func publishedList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let t = { (key: String) in views.catalogue.text(key, context.language) }
        let items = try await store.publishedReports().map { item in
            let href = Site.publishedReport(.value(item.period)).path
            return ListPage.Item(
                period: item.period, name: ReportPeriod(item.period).map { ReportsPage.name($0, t) } ?? item.period,
                publishedAt: DisplayDate.format(item.publishedAt), href: href, csvHref: href + "?dinh-dang=csv",
                jsonHref: href + "?dinh-dang=json")
        }
        return views.page(
            "published-reports", title: t("reports_public_title"), body: ListPage(items: items, hasItems: !items.isEmpty), context: context)
    }

    /// `/bao-cao/{ky}[?dinh-dang=csv|json]`: one published report, as it was published.
    @Sendable func published(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let period = context.parameters.get("period"), let signed = try await store.publishedReport(period) else {
            throw AppError.notFound
        }
        guard let format = ReportFormat(rawValue: request.formQuery("dinh-dang") ?? "html") else {
            throw AppError.validation([FieldError("format", .invalidChoice)])
        }
        return try await respond(signed.content.report, signed: signed, format: format, language: context.language)
    }

    /// `GET /api/v1/reports`: `{"items": [{"period", "publishedAt", "href"}]}`.
    @Sendable func listJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Item: Encodable {
            let period: String
            let publishedAt: String
            let href: String
        }
        let items = try await store.publishedReports().map {
            Item(period: $0.period, publishedAt: Timestamp.string($0.publishedAt), href: "/api/v1/reports/" + $0.period)
        }
        return JSONBody.response(["items": items])
    }

    /// `GET /api/v1/reports/{period}`: the signed public report, as it was published.
    @Sendable func showJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let period = context.parameters.get("period"), let signed = try await store.publishedReport(period) else {
            throw AppError.notFound
        }
        return try await respond(signed.content.report, signed: signed, format: .json, language: context.language)
    }

    /// `GET /api/v1/reports/generate?ky=…|tu=…&den=…&co-quan=…&ban=…&dinh-dang=…`: a report made now
    /// from the signed log, signed, for staff who may have it.
    @Sendable func generate(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let staff = context.staff else { throw AppError.unauthorized }
        guard Reporters.admits(staff) else { throw AppError.forbidden }
        let asked = ReportRequest(query: { request.formQuery($0) }, agencies: try await store.agencies())
        guard asked.errors.isEmpty, let period = asked.period else { throw AppError.validation(asked.errors) }
        guard asked.isAllowed(for: staff) else { throw AppError.forbidden }
        do {
            let (report, signed) = try await signedReport(period, asked)
            return try await respond(report, signed: signed, format: asked.format, language: context.language, cache: "private, no-store")
        } catch let problem as ReportService.Problem {
            throw AppError.validation([problem.fieldError])
        }
    }

    /// A report made now from a head at most five minutes old (pages sign at most one head that
    /// often), signed.
    func signedReport(_ period: ReportPeriod, _ asked: ReportRequest) async throws -> (PeriodReport, SignedReport) {
        let now = environment.now()
        let report = try await reports.generate(period, agency: asked.agency, audience: asked.audience, headMaxAge: 300, now: now)
        return (report, try await reports.sign(report, passphrase: passphrase, now: now))
    }

    /// The report in `format`, its agencies named in the reader's language. A published report
    /// never changes: caches may keep it, unless `cache` says otherwise.
    func respond(
        _ report: PeriodReport, signed: SignedReport, format: ReportFormat, language: Language, cache: String = "public, max-age=3600"
    ) async throws -> Response {
        let names = Dictionary(uniqueKeysWithValues: try await store.agencies().map { ($0.code, $0.name(language)) })
        let bytes = try ReportRenderer(catalogue: views.catalogue, library: views.library).render(
            report, signed: signed, format: format, language: language, agencyNames: names, verifyURL: baseURL + Site.verify.path)
        return ReportRenderer.response(bytes, report: report, format: format, cache: cache)
    }
}

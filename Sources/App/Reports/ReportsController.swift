import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo/bao-cao` (issue 13 §4): coordinators and admins pick a period and an agency, or the
/// whole system, and download the report, signed; an agency's leaders get their own agency's
/// only. Coordinators and admins publish a finished quarter's public version on the portal (the
/// scheduler also does it once the quarter is over). The portal's and the API's handlers are in
/// `ReportsController+Portal`.
struct ReportsController {
    let store: Store
    let views: Views
    let reports: ReportService
    let environment: AppEnvironment
    let passphrase: CAPassphrase
    let baseURL: String

    @Sendable func show(_ request: Request, context: ReporterRequestContext) async throws -> Response {
        let t = { (key: String) in views.catalogue.text(key, context.language) }
        let published = request.formQuery("da-cong-bo").flatMap(ReportPeriod.init).map { t("reports_published_now") + " " + $0.label }
        let empty = request.formQuery("khong-co-gi").flatMap(ReportPeriod.init).map { t("reports_nothing_to_publish") + " " + $0.label }
        let notice = published ?? empty
        return try await page(context, request: nil, notice: notice)
    }

    /// `GET …/tai-ve?ky=…&co-quan=…&ban=…&dinh-dang=…`: the report, made now from the signed log.
    @Sendable func download(_ request: Request, context: ReporterRequestContext) async throws -> Response {
        var asked = ReportRequest(query: { request.formQuery($0) }, agencies: try await store.agencies())
        guard asked.isAllowed(for: context.staff) else { throw AppError.forbidden }
        guard asked.errors.isEmpty, let period = asked.period else {
            return try await page(context, request: asked, status: .unprocessableContent)
        }
        do {
            let (report, signed) = try await signedReport(period, asked)
            return try await respond(report, signed: signed, format: asked.format, language: context.language, cache: "private, no-store")
        } catch let problem as ReportService.Problem {
            asked.errors.append(problem.fieldError)
            return try await page(context, request: asked, status: .unprocessableContent)
        }
    }

    /// `POST …/cong-bo` with `ky`: publishes that quarter's public version, once.
    @Sendable func publish(_ request: Request, context: PublisherRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        let typed = form["ky"] ?? ""
        guard let quarter = ReportPeriod(typed), quarter.kind == .quarter else {
            throw AppError.validation([FieldError("period", typed.isEmpty ? .required : .invalidChoice)])
        }
        let now = environment.now()
        let published: Bool
        do {
            published = try await reports.publish(quarter, passphrase: passphrase, now: now)
        } catch let problem as ReportService.Problem {
            throw AppError.validation([problem.fieldError])
        }
        if published { try await store.logAdminChange("reportPublished", by: context, at: now, quarter.label) }
        // Published now or before: it is on the portal. Otherwise the quarter had nothing to report.
        let onPortal = try await store.publishedReport(quarter.label) != nil
        return .redirect(to: Site.reports.path + (onPortal ? "?da-cong-bo=" : "?khong-co-gi=") + quarter.label, type: .normal)
    }

    private func page(
        _ context: ReporterRequestContext, request: ReportRequest?, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let agencies = try await store.agencies()
        let today = CivilDate.localDate(of: environment.now())
        let published = try await store.publishedReports()
        let body = ReportsPage(
            request: request, staff: context.staff, agencies: agencies, periods: ReportRequest.recentPeriods(today: today),
            published: published, notice: notice, catalogue: views.catalogue, language: context.language)
        return views.page(
            "reports", title: views.catalogue.text("reports_title", context.language), body: body, context: context, status: status)
    }
}

extension ReportService.Problem {
    /// The problem as a form or the API names it.
    var fieldError: FieldError {
        switch self {
        case .periodNotOver(let field, _): FieldError(field, .periodNotOver)
        case .unknownAgency(let field): FieldError(field, .unknownAgency)
        case .unknownHead(let field): FieldError(field, .invalidChoice)
        }
    }
}

import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Statistics, named and commended agencies: the dashboard `/thong-ke` (charts as SVG images
/// with their numbers in tables beside them), `/danh-gia-co-quan`, and the same as JSON.
struct StatisticsController {
    let store: Store
    let views: Views
    let statistics: StatisticsService
    /// The published criteria; the naming minimum comes from the settings.
    let criteria: RankingCriteria

    @Sendable func statsJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let period = try statistics.period(from: query.get("from"), to: query.get("to"))
        let agency = query.get("agency").flatMap { $0.isEmpty ? nil : $0 }
        if let agency, try await store.agencies().contains(where: { $0.code == agency }) == false {
            throw AppError.validation([FieldError("agency", .unknownAgency)])
        }
        return JSONBody.response(StatisticsView(try await statistics.statistics(for: period, agency: agency), agency: agency))
    }

    @Sendable func conductJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let stats = try await statistics.statistics(
            for: try statistics.period(from: query.get("from"), to: query.get("to")), evidence: true)
        let ranking = AgencyRanking(statistics: stats, criteria: criteria)
        let codes = try await store.trackingCodes(of: ranking.named.flatMap { $0.findings.flatMap(\.petitionIDs) })
        return JSONBody.response(
            ConductView(
                ranking, statistics: stats, codes: codes, useful: try await usefulCodes(), prolonged: try await store.prolongedCases()))
    }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let typed = (from: request.formQuery("tu"), to: request.formQuery("den"))
        var errors: [FieldError] = []
        let period: ClosedRange<CivilDate>
        do { period = try statistics.period(from: typed.from, to: typed.to) } catch AppError.validation(let found) {
            // The last twelve months, and the dates as typed with what is wrong beside them.
            errors = found
            period = try statistics.period(from: nil, to: nil)
        }
        let stats = try await statistics.statistics(for: period)
        let page = DashboardPage(
            stats, catalogue: views.catalogue, language: context.language, agencies: try await agencyNames(context.language), typed: typed,
            errors: errors)
        return views.page(
            "dashboard", title: views.catalogue.text("stats_title", context.language), body: page, context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// One chart of the dashboard, as an SVG image (`thang.svg`, `dung-han.svg`, `loai.svg`).
    @Sendable func chart(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let period = try statistics.period(from: query.get("tu"), to: query.get("den"))
        let width = query.get("rong").map { Int($0) } ?? 640
        guard let width, DashboardCharts.widths.contains(width) else { throw AppError.validation([FieldError("rong", .invalidChoice)]) }
        let stats = try await statistics.statistics(for: period)
        let charts = DashboardCharts(
            stats, catalogue: views.catalogue, language: context.language, agencies: try await agencyNames(context.language), width: width)
        let svg: String
        switch context.parameters.get("chart") {
        case "thang.svg": svg = charts.monthly.svg
        case "dung-han.svg": svg = charts.onTime.svg
        case "loai.svg": svg = charts.categories.svg
        default: throw AppError.notFound
        }
        var headers = HTTPFields()
        headers[.contentType] = "image/svg+xml; charset=utf-8"
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: svg)))
    }

    @Sendable func conduct(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let stats = try await statistics.statistics(for: try statistics.period(from: query.get("tu"), to: query.get("den")), evidence: true)
        let (useful, _) = try await store.publishedAnswers(AnswerFilter(usefulOnly: true, pageSize: 50))
        let ranking = AgencyRanking(statistics: stats, criteria: criteria)
        let shown = ranking.named.flatMap { $0.findings.flatMap { $0.petitionIDs.prefix(ConductPage.codesShown) } }
        let page = ConductPage(
            ranking, statistics: stats, codes: try await store.trackingCodes(of: shown), useful: useful,
            prolonged: try await store.prolongedCases(),
            catalogue: views.catalogue, language: context.language, agencies: try await agencyNames(context.language))
        return views.page("conduct", title: views.catalogue.text("conduct_title", context.language), body: page, context: context)
    }

    /// Every case behind one reason for one agency, whether or not it reaches the naming
    /// minimum: the figures are public either way.
    @Sendable func evidence(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        let agencies = try await agencyNames(context.language)
        let code = query.get("co-quan") ?? ""
        if agencies[code] == nil { errors.append(FieldError("co-quan", code.isEmpty ? .required : .unknownAgency)) }
        let reasonText = query.get("ly-do") ?? ""
        let reason = NamingReason(rawValue: reasonText)
        if reason == nil { errors.append(FieldError("ly-do", reasonText.isEmpty ? .required : .invalidChoice)) }
        var page = 1
        do { page = try PageNumber(parsing: query.get("trang"), field: "trang").value } catch { errors.append(error) }
        let period: ClosedRange<CivilDate>
        do { period = try statistics.period(from: query.get("tu"), to: query.get("den")) } catch AppError.validation(let more) {
            throw AppError.validation(errors + more)
        }
        guard errors.isEmpty, let reason, let name = agencies[code] else { throw AppError.validation(errors) }
        let stats = try await statistics.statistics(for: period, evidence: true)
        let ids = stats.agencies.first { $0.agencyCode == code }?.evidence[reason] ?? []
        let shown = ids.dropFirst((page - 1) * EvidencePage.pageSize).prefix(EvidencePage.pageSize)
        let body = EvidencePage(
            agencyCode: code, agencyName: name, reason: reason, total: ids.count, shown: try await store.trackingCodes(of: shown),
            in: Array(shown),
            period: period, page: page, catalogue: views.catalogue, language: context.language)
        return views.page(
            "conduct-evidence", title: views.catalogue.text("conduct_evidence_title", context.language) + ": " + name, body: body,
            context: context)
    }

    private func usefulCodes() async throws -> [String] {
        try await store.publishedAnswers(AnswerFilter(usefulOnly: true, pageSize: 1000)).0.map(\.trackingCode.description)
    }

    private func agencyNames(_ language: Language) async throws -> [String: String] {
        Dictionary(try await store.agencies().map { ($0.code, $0.name(language)) }, uniquingKeysWith: { a, _ in a })
    }
}

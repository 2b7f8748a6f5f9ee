import Foundation
import LangNgheCore
import LangNgheStorage

/// `/can-bo/bao-cao`: the form (as typed, with each problem beside its field), the quarters
/// that may be published, and the reports published so far.
struct ReportsPage {
    struct Published {
        let period: String
        let name: String
        let publishedAt: String
        let href: String
    }

    let periods: [SelectOption]
    let from: DateField
    let to: DateField
    let periodError: String?
    let agencies: [SelectOption]
    let agencyError: String?
    let audiences: [SelectOption]
    let formats: [SelectOption]
    let leaderOnly: Bool
    let canPublish: Bool
    let publishable: [SelectOption]
    let hasPublishable: Bool
    let published: [Published]
    let hasPublished: Bool
    let notice: String?
    let downloadHref = Site.reportDownload.path
    let publishHref = Site.reportPublish.path

    init(
        request: ReportRequest?, staff: StaffAccount, agencies: [Agency], periods: [ReportPeriod], published: [PublishedReportSummary],
        notice: String?, catalogue: Catalogue, language: Language
    ) {
        let t = { (key: String) in catalogue.text(key, language) }
        let errors = request?.errors ?? []
        let error = { (field: String) in errors.first { $0.field == field }.map { catalogue.message(for: $0, language) } }
        let chosen = request?.typedPeriod ?? periods.first?.label ?? ""
        self.periods = periods.map { SelectOption(value: $0.label, label: Self.name($0, t), selected: $0.label == chosen) }
        from = DateField(
            name: "tu", field: "from", label: t("reports_from"), typed: request?.typedFrom,
            date: CivilDate(entered: request?.typedFrom ?? ""),
            errors: errors, catalogue: catalogue, language: language)
        to = DateField(
            name: "den", field: "to", label: t("reports_to"), typed: request?.typedTo, date: CivilDate(entered: request?.typedTo ?? ""),
            errors: errors, catalogue: catalogue, language: language)
        periodError = error("period")
        agencyError = error("agency")
        leaderOnly = staff.role == .leader && !staff.identity.isCoordinator
        let agency = leaderOnly ? staff.agencyCode : request?.agency ?? ""
        let shown = leaderOnly ? agencies.filter { $0.code == staff.agencyCode } : agencies
        self.agencies =
            (leaderOnly ? [] : [SelectOption(value: "", label: t("report_whole_system"), selected: agency.isEmpty)])
            + shown.map { SelectOption(value: $0.code, label: $0.name(language), selected: $0.code == agency) }
        let audience = request?.audience ?? .internal
        audiences = [
            SelectOption(value: "noi-bo", label: t("report_audience_internal"), selected: audience == .internal),
            SelectOption(value: "cong-khai", label: t("report_audience_public"), selected: audience == .public),
        ]
        let format = request?.format ?? .html
        formats = ReportFormat.allCases.map {
            SelectOption(value: $0.rawValue, label: t("reports_format_" + $0.rawValue), selected: $0 == format)
        }
        canPublish = staff.identity.isCoordinator || staff.role == .admin
        let done = Set(published.map(\.period))
        publishable = periods.filter { $0.kind == .quarter && !done.contains($0.label) }.map {
            SelectOption(value: $0.label, label: Self.name($0, t), selected: false)
        }
        hasPublishable = !publishable.isEmpty
        hasPublished = !published.isEmpty
        self.published = published.map {
            Published(
                period: $0.period, name: ReportPeriod($0.period).map { Self.name($0, t) } ?? $0.period,
                publishedAt: DisplayDate.format($0.publishedAt), href: Site.publishedReport(.value($0.period)).path)
        }
        self.notice = notice
    }

    /// "Quý 3/2026", "6 tháng 1/2026".
    static func name(_ period: ReportPeriod, _ t: (String) -> String) -> String {
        switch period.kind {
        case .quarter: t("report_period_q").replacingOccurrences(of: "{n}", with: "\((period.from.month + 2) / 3)") + "/\(period.from.year)"
        case .half: t("report_period_h").replacingOccurrences(of: "{n}", with: "\((period.from.month + 5) / 6)") + "/\(period.from.year)"
        case .days: period.label
        }
    }
}

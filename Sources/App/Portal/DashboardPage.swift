import Foundation
import LangNgheCore

/// The dashboard's three charts, built from the statistics; the same numbers go in the tables.
struct DashboardCharts {
    let monthly: BarChart
    let onTime: HorizontalBarChart
    let categories: ShareChart

    /// The widths a chart is drawn at: for a screen, and for a phone, where the wide one shrank
    /// its 11-px text to about 6 px. The phone's drawing fits the content column of a 360-px
    /// screen, so that it is only ever enlarged and its text stays at 11 px or more.
    static let widths = [640, 320]

    init(_ s: Statistics, catalogue: Catalogue, language: Language, agencies: [String: String], width: Int = 640) {
        let t = { (key: String) in catalogue.text(key, language) }
        monthly = BarChart(
            title: t("stats_chart_monthly"), description: t("stats_chart_monthly_alt"), series: [t("stats_received"), t("stats_answered")],
            groups: s.months.map {
                .init(label: String(format: "%02d/%02d", $0.month, $0.year % 100), values: [Double($0.received), Double($0.answered)])
            },
            valueAxisLabel: t("stats_cases"), groupAxisLabel: t("stats_month"), width: width)
        let ranked = s.agencies.filter { $0.answered >= 5 }.sorted { $0.onTime.lower > $1.onTime.lower }.prefix(20)
        onTime = HorizontalBarChart(
            title: t("stats_chart_on_time"), description: t("stats_chart_on_time_alt"),
            bars: ranked.map { a in
                .init(
                    label: agencies[a.agencyCode ?? ""] ?? a.agencyCode ?? "", rate: Double(a.answeredOnTime) / Double(max(a.answered, 1)),
                    interval: a.onTime.lower...a.onTime.upper)
            }, axisLabel: t("stats_on_time_rate"), width: width, height: max(160, 40 + 24 * ranked.count))
        categories = ShareChart(
            title: t("stats_chart_categories"), description: t("stats_chart_categories_alt"),
            parts: s.categories.map { .init(label: t("category_" + $0.category.rawValue), count: $0.count) }, width: width)
    }
}

/// `/thong-ke`: figures, the three charts as images with text alternatives, and tables.
struct DashboardPage {
    struct Figure {
        let label: String
        let value: String
    }
    struct MonthRow {
        let month: String
        let received: String
        let answered: String
    }
    struct AgencyRow {
        let agency: String
        let received: String
        let answered: String
        let onTime: String
        let interval: String
        let overdue: String
        let meanDays: String
        let satisfaction: String
    }
    struct CategoryRow {
        let category: String
        let count: String
    }

    let from: DateField
    let to: DateField
    let query: String
    let figures: [Figure]
    let months: [MonthRow]
    let agencyRows: [AgencyRow]
    let categoryRows: [CategoryRow]
    let monthlyAlt: String
    let onTimeAlt: String
    let categoriesAlt: String

    /// `typed`, `errors`: the dates as typed and what is wrong with them, shown beside their
    /// fields (the figures are then the default period's).
    init(
        _ s: Statistics, catalogue: Catalogue, language: Language, agencies: [String: String],
        typed: (from: String?, to: String?) = (nil, nil),
        errors: [FieldError] = []
    ) {
        let t = { (key: String) in catalogue.text(key, language) }
        let o = FiguresView(s.overall)
        from = DateField(
            name: "tu", field: "from", label: t("answers_from"), typed: typed.from, date: s.period.lowerBound, errors: errors,
            catalogue: catalogue,
            language: language)
        to = DateField(
            name: "den", field: "to", label: t("answers_to"), typed: typed.to, date: s.period.upperBound, errors: errors,
            catalogue: catalogue,
            language: language)
        // The language in the address too: the images are cached by it, and an English page
        // showed Vietnamese charts for minutes.
        query = "?tu=\(s.period.lowerBound.iso)&den=\(s.period.upperBound.iso)&lang=\(language.rawValue)"
        func number(_ x: Double?) -> String { x.map { NumberText.decimal($0, language) } ?? "—" }
        func percent(_ x: Double?) -> String { x.map { NumberText.percent($0, language) } ?? "—" }
        func count(_ n: Int) -> String { NumberText.grouped(n, language) }
        figures = [
            Figure(label: t("stats_received"), value: count(o.received)), Figure(label: t("stats_answered"), value: count(o.answered)),
            Figure(label: t("stats_answered_on_time"), value: "\(count(o.answeredOnTime)) (\(percent(o.onTimeRate)))"),
            Figure(label: t("stats_overdue_now"), value: count(o.overdueNow)),
            Figure(label: t("stats_mean_days"), value: number(o.meanWorkingDaysToAnswer)),
            Figure(label: t("stats_median_days"), value: number(o.medianWorkingDaysToAnswer)),
            Figure(label: t("stats_returns"), value: count(o.returns)),
            Figure(label: t("stats_reassignments"), value: count(o.reassignments)),
            Figure(label: t("stats_escalations"), value: count(o.escalations)),
            Figure(label: t("stats_satisfaction"), value: number(o.meanSatisfaction) + " / 5 (\(count(o.ratings)))"),
        ]
        months = s.months.map {
            MonthRow(month: String(format: "%02d/%04d", $0.month, $0.year), received: count($0.received), answered: count($0.answered))
        }
        agencyRows = s.agencies.filter { $0.received > 0 || $0.answered > 0 }.map { a in
            let f = FiguresView(a)
            return AgencyRow(
                agency: agencies[a.agencyCode ?? ""] ?? a.agencyCode ?? "", received: count(f.received), answered: count(f.answered),
                onTime: percent(f.onTimeRate),
                interval: f.onTimeInterval.map { percent($0[0]) + " – " + percent($0[1]) } ?? "—", overdue: count(f.overdueNow),
                meanDays: number(f.meanWorkingDaysToAnswer), satisfaction: number(f.meanSatisfaction))
        }
        categoryRows = s.categories.map { CategoryRow(category: t("category_" + $0.category.rawValue), count: count($0.count)) }
        monthlyAlt = t("stats_chart_monthly_alt")
        onTimeAlt = t("stats_chart_on_time_alt")
        categoriesAlt = t("stats_chart_categories_alt")
    }
}

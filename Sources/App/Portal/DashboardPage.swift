import Foundation
import LangNgheCore

/// The dashboard's three charts, built from the statistics; the same numbers go in the tables.
struct DashboardCharts {
    let monthly: BarChart
    let onTime: HorizontalBarChart
    let categories: ShareChart

    init(_ s: Statistics, catalogue: Catalogue, language: Language, agencies: [String: String]) {
        let t = { (key: String) in catalogue.text(key, language) }
        monthly = BarChart(
            title: t("stats_chart_monthly"), description: t("stats_chart_monthly_alt"), series: [t("stats_received"), t("stats_answered")],
            groups: s.months.map { .init(label: String(format: "%02d/%02d", $0.month, $0.year % 100), values: [Double($0.received), Double($0.answered)]) },
            valueAxisLabel: t("stats_cases"), groupAxisLabel: t("stats_month"))
        let ranked = s.agencies.filter { $0.answered >= 5 }.sorted { $0.onTime.lower > $1.onTime.lower }.prefix(20)
        onTime = HorizontalBarChart(
            title: t("stats_chart_on_time"), description: t("stats_chart_on_time_alt"),
            bars: ranked.map { a in
                .init(label: agencies[a.agencyCode ?? ""] ?? a.agencyCode ?? "", rate: Double(a.answeredOnTime) / Double(max(a.answered, 1)),
                      interval: a.onTime.lower...a.onTime.upper)
            }, axisLabel: t("stats_on_time_rate"), height: max(160, 40 + 24 * ranked.count))
        categories = ShareChart(
            title: t("stats_chart_categories"), description: t("stats_chart_categories_alt"),
            parts: s.categories.map { .init(label: t("category_" + $0.category.rawValue), count: $0.count) })
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
        let received: Int
        let answered: Int
    }
    struct AgencyRow {
        let agency: String
        let received: Int
        let answered: Int
        let onTime: String
        let interval: String
        let overdue: Int
        let meanDays: String
        let satisfaction: String
    }
    struct CategoryRow {
        let category: String
        let count: Int
    }

    let from: String
    let to: String
    let query: String
    let figures: [Figure]
    let months: [MonthRow]
    let agencyRows: [AgencyRow]
    let categoryRows: [CategoryRow]
    let monthlyAlt: String
    let onTimeAlt: String
    let categoriesAlt: String

    init(_ s: Statistics, catalogue: Catalogue, language: Language, agencies: [String: String]) {
        let t = { (key: String) in catalogue.text(key, language) }
        let o = FiguresView(s.overall)
        from = s.period.lowerBound.iso
        to = s.period.upperBound.iso
        // The language in the address too: the images are cached by it, and an English page
        // showed Vietnamese charts for minutes.
        query = "?tu=\(from)&den=\(to)&lang=\(language.rawValue)"
        func number(_ x: Double?) -> String { x.map { String(format: "%.1f", $0) } ?? "—" }
        func percent(_ x: Double?) -> String { x.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }
        figures = [
            Figure(label: t("stats_received"), value: "\(o.received)"), Figure(label: t("stats_answered"), value: "\(o.answered)"),
            Figure(label: t("stats_answered_on_time"), value: "\(o.answeredOnTime) (\(percent(o.onTimeRate)))"),
            Figure(label: t("stats_overdue_now"), value: "\(o.overdueNow)"),
            Figure(label: t("stats_mean_days"), value: number(o.meanWorkingDaysToAnswer)), Figure(label: t("stats_median_days"), value: number(o.medianWorkingDaysToAnswer)),
            Figure(label: t("stats_returns"), value: "\(o.returns)"), Figure(label: t("stats_reassignments"), value: "\(o.reassignments)"),
            Figure(label: t("stats_escalations"), value: "\(o.escalations)"),
            Figure(label: t("stats_satisfaction"), value: number(o.meanSatisfaction) + " / 5 (\(o.ratings))"),
        ]
        months = s.months.map { MonthRow(month: String(format: "%02d/%04d", $0.month, $0.year), received: $0.received, answered: $0.answered) }
        agencyRows = s.agencies.filter { $0.received > 0 || $0.answered > 0 }.map { a in
            let f = FiguresView(a)
            return AgencyRow(
                agency: agencies[a.agencyCode ?? ""] ?? a.agencyCode ?? "", received: f.received, answered: f.answered, onTime: percent(f.onTimeRate),
                interval: f.onTimeInterval.map { percent($0[0]) + " – " + percent($0[1]) } ?? "—", overdue: f.overdueNow,
                meanDays: number(f.meanWorkingDaysToAnswer), satisfaction: number(f.meanSatisfaction))
        }
        categoryRows = s.categories.map { CategoryRow(category: t("category_" + $0.category.rawValue), count: $0.count) }
        monthlyAlt = t("stats_chart_monthly_alt")
        onTimeAlt = t("stats_chart_on_time_alt")
        categoriesAlt = t("stats_chart_categories_alt")
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage
import Mustache

/// A report as a printable HTML document (A4, `report-document.mustache`): its summary, then
/// each table of `PeriodReport.tables` with its codes named in the reader's language, three of
/// them with a chart before them (an inline SVG with a text alternative). A standalone file with
/// its own styles, so that a downloaded report prints and reads offline.
struct ReportDocument {
    struct Header {
        let label: String
        let numeric: Bool
    }
    struct Cell {
        let text: String
        let numeric: Bool
    }
    struct Row {
        let cells: [Cell]
    }
    struct Table {
        let id: String
        let caption: String
        let chart: String?
        let headers: [Header]
        let rows: [Row]
        let empty: Bool
    }
    struct Signature {
        let signer: String
        let signedAt: String
        let fingerprint: String
        let verifyURL: String
    }

    let lang: String
    let t: [String: String]
    let title: String
    let scope: String
    let dates: String
    let head: String
    let audience: String
    let summary: [String]
    let tables: [Table]
    let signature: Signature?

    /// `agencyNames`: the agencies' names in the reader's language (the report holds the Vietnamese).
    init(
        _ report: PeriodReport, catalogue: Catalogue, language: Language, agencyNames: [String: String], signed: SignedReport? = nil,
        verifyURL: String = ""
    ) {
        let t = { (key: String) in catalogue.text(key, language) }
        let p = report.parameters
        lang = language.rawValue
        self.t = catalogue.table(language)
        let name = { (code: String) in agencyNames[code] ?? report.agencyNames[code] ?? code }
        title = t("report_title") + " " + p.period
        scope = p.agency.map(name) ?? t("report_whole_system")
        dates = "\(CivilDate(iso: p.from).map(DisplayDate.format) ?? p.from) – \(CivilDate(iso: p.to).map(DisplayDate.format) ?? p.to)"
        head = t("report_head_line").replacingOccurrences(of: "{size}", with: NumberText.grouped(p.head.size, language))
            .replacingOccurrences(of: "{time}", with: p.head.timestamp).replacingOccurrences(of: "{root}", with: p.head.rootHash)
        audience = t("report_audience_" + p.audience)
        summary = report.summary
        let charts = Self.charts(report, t: t, name: name)
        tables = report.tables.map { table in
            Table(
                id: table.name, caption: t("report_table_" + table.name), chart: charts[table.name],
                headers: table.columns.map { Header(label: t("report_col_" + $0.key), numeric: $0.numeric) },
                rows: table.rows.map { cells in
                    Row(
                        cells: zip(table.columns, cells).map { column, text in
                            Cell(text: Self.display(text, column: column, name: name, t: t, language: language), numeric: column.numeric)
                        })
                }, empty: table.rows.isEmpty)
        }
        signature = signed.map {
            let leaf = $0.certificates.first.flatMap { try? CertificateSummary(pem: $0) }
            return Signature(
                signer: name($0.content.agency),
                signedAt: Timestamp.date($0.content.signedAt).map(DisplayDate.format) ?? $0.content.signedAt,
                fingerprint: leaf?.fingerprint ?? "", verifyURL: verifyURL)
        }
    }

    /// A cell as a reader sees it: a code named, an agency by its name, a rate as a percentage.
    private static func display(
        _ text: String, column: ReportTable.Column, name: (String) -> String, t: (String) -> String, language: Language
    ) -> String {
        guard !text.isEmpty else { return column.numeric ? "—" : "" }
        if let vocabulary = column.vocabulary { return t(vocabulary + text) }
        if column.key == "agency_name" || column.key == "field_name" { return text }
        guard column.numeric, let value = Double(text) else { return text }
        if column.key.hasSuffix("_rate") || column.key.hasSuffix("_lower") || column.key.hasSuffix("_upper") {
            return NumberText.percent(value, language)
        }
        if column.key == "on_time_change" { return (value > 0 ? "+" : "") + NumberText.decimal(value, language) }
        return text.contains(".") ? NumberText.decimal(value, digits: 1, language) : NumberText.grouped(Int(value), language)
    }

    /// Charts before three tables: receipts by channel, agencies' on-time rates with their
    /// intervals, the satisfaction ratings.
    private static func charts(_ report: PeriodReport, t: (String) -> String, name: (String) -> String) -> [String: String] {
        let channels = BarChart(
            title: t("report_table_received_by_channel"), description: t("report_chart_channels_alt"), series: [t("report_col_count")],
            groups: report.received.byChannel.map { .init(label: t("channel_" + $0.key), values: [Double($0.count)]) },
            valueAxisLabel: t("report_col_count"), groupAxisLabel: t("report_col_channel"), width: 640, height: 260)
        let ranked = report.agencies.filter { $0.rank != nil }.prefix(25)
        let onTime = HorizontalBarChart(
            title: t("report_table_agencies"), description: t("report_chart_on_time_alt"),
            bars: ranked.map { row in
                .init(
                    label: name(row.agency), rate: Double(row.onTimeRate ?? "0") ?? 0,
                    interval: (Double(row.onTimeLower ?? "0") ?? 0)...(Double(row.onTimeUpper ?? "0") ?? 0))
            }, axisLabel: t("report_col_on_time_rate"), width: 640, height: max(160, 40 + 24 * ranked.count))
        let satisfaction = BarChart(
            title: t("report_table_satisfaction"), description: t("report_chart_satisfaction_alt"), series: [t("report_col_count")],
            groups: report.satisfaction.distribution.map { .init(label: $0.key + "/5", values: [Double($0.count)]) },
            valueAxisLabel: t("report_col_count"), groupAxisLabel: t("report_col_rating"), width: 640, height: 240)
        var charts = ["received_by_channel": channels.svg, "satisfaction": satisfaction.svg]
        if !ranked.isEmpty { charts["agencies"] = onTime.svg }
        return charts
    }

    /// The document's HTML.
    func render(_ library: MustacheLibrary) -> String? {
        library.render(self, withTemplate: "report-document")
    }
}

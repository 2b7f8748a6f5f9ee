/// A report's figures as tables: one CSV file each, and the tables beside the charts of the
/// printable HTML. Cells hold codes, not words, so that a CSV reads the same in any language; a
/// column with a `vocabulary` is translated on the page (`channel_web` → "Cổng thông tin").
public struct ReportTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        /// The CSV header, snake_case English; `report_col_<key>` on the page.
        public let key: String
        /// The prefix of the strings that name this column's codes, if they have names.
        public let vocabulary: String?
        /// The column holds numbers (right-aligned on the page).
        public let numeric: Bool

        init(_ key: String, vocabulary: String? = nil, numeric: Bool = false) {
            self.key = key
            self.vocabulary = vocabulary
            self.numeric = numeric
        }
    }

    /// The file name without `.csv`; `report_table_<name>` on the page.
    public let name: String
    public let columns: [Column]
    public let rows: [[String]]

    /// RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled;
    /// a UTF-8 byte order mark first, so that spreadsheet programs read Vietnamese correctly.
    public var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines = [columns.map(\.key)] + rows
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}

extension PeriodReport {
    /// Every table of the report, in the order of the printed report.
    public var tables: [ReportTable] {
        let n = { (value: Int) in String(value) }
        let optional = { (value: Int?) in value.map(String.init) ?? "" }
        let agencyName = { (code: String?) in code.flatMap { agencyNames[$0] } ?? "" }
        let counts = { (name: String, key: String, vocabulary: String?, rows: [Count]) in
            ReportTable(
                name: name, columns: [.init(key, vocabulary: vocabulary), .init("count", numeric: true)],
                rows: rows.map { [$0.key, n($0.count)] })
        }
        let isInternal = parameters.audience == ReportAudience.internal.rawValue
        let lateColumns: [ReportTable.Column] = [
            .init("tracking_code"), .init("agency"), .init("agency_name"), .init("due_date"), .init("working_days_late", numeric: true),
            .init("restarts", numeric: true),
        ]
        let late = { (c: LateCase) in [c.trackingCode, c.agency, agencyName(c.agency), c.dueDate, n(c.workingDaysLate), n(c.restarts)] }
        var escalationColumns: [ReportTable.Column] = [
            .init("tracking_code"), .init("date"), .init("reason", vocabulary: "escalation_"), .init("agency"), .init("proposal_number"),
            .init("decision_date"), .init("decision_outcome", vocabulary: "outcome_"), .init("decision_document"),
            .init("decision_lead_agency"),
        ]
        if isInternal { escalationColumns += [.init("proposal"), .init("positions"), .init("decision_text")] }
        return [
            ReportTable(
                name: "overview", columns: [.init("figure", vocabulary: "report_figure_"), .init("value", numeric: true)],
                rows: [
                    ["received", n(received.total)], ["received_previous", n(received.previousTotal)],
                    ["answered", n(outcomes.answered)], ["refused", n(outcomes.refused)], ["returned", n(outcomes.returned)],
                    ["rerouted", n(outcomes.rerouted)], ["merged", n(outcomes.merged)], ["escalated", n(outcomes.escalated)],
                    ["decided", n(outcomes.decided)], ["open_at_end", n(outcomes.openAtEnd)],
                    ["overdue_at_end", n(overdueAtEnd.count)], ["prolonged_at_end", n(prolongedAtEnd.count)],
                    ["follow_ups", n(repeatedComplaints.followUps)], ["followed_up_cases", n(repeatedComplaints.cases)],
                    ["escalated_repeated", n(repeatedComplaints.escalated)],
                ]),
            counts("received_by_channel", "channel", "channel_", received.byChannel),
            counts("received_by_category", "category", "category_", received.byCategory),
            ReportTable(
                name: "received_by_field", columns: [.init("field"), .init("field_name"), .init("count", numeric: true)],
                rows: received.byField.map { [$0.key, fieldNames[$0.key] ?? "", n($0.count)] }),
            ReportTable(
                name: "received_by_agency", columns: [.init("agency"), .init("agency_name"), .init("count", numeric: true)],
                rows: received.byAgency.map { [$0.key, agencyName($0.key), n($0.count)] }),
            counts("received_by_sender", "sender", "sender_", received.bySender),
            counts("refused_by_reason", "reason", "refusal_", outcomes.refusedByReason),
            ReportTable(
                name: "agencies",
                columns: [
                    .init("rank", numeric: true), .init("agency"), .init("agency_name"), .init("received", numeric: true),
                    .init("answered", numeric: true), .init("answered_on_time", numeric: true), .init("answered_late", numeric: true),
                    .init("on_time_rate", numeric: true), .init("on_time_lower", numeric: true), .init("on_time_upper", numeric: true),
                    .init("median_days", numeric: true), .init("p90_days", numeric: true), .init("previous_rank", numeric: true),
                    .init("on_time_change", numeric: true), .init("overdue_at_end", numeric: true), .init("returns", numeric: true),
                    .init("escalations", numeric: true), .init("follow_ups", numeric: true), .init("ratings", numeric: true),
                    .init("mean_satisfaction", numeric: true),
                ],
                rows: agencies.map { a in
                    [
                        optional(a.rank), a.agency, agencyName(a.agency), n(a.received), n(a.answered), n(a.answeredOnTime),
                        n(a.answeredLate), a.onTimeRate ?? "", a.onTimeLower ?? "", a.onTimeUpper ?? "", a.medianDays ?? "",
                        a.p90Days ?? "", optional(a.previousRank), a.onTimeChange ?? "", n(a.overdueAtEnd), n(a.returns),
                        n(a.escalations), n(a.followUps), n(a.ratings), a.meanSatisfaction ?? "",
                    ]
                }),
            ReportTable(name: "overdue_at_end", columns: lateColumns, rows: overdueAtEnd.map(late)),
            ReportTable(name: "prolonged_at_end", columns: lateColumns, rows: prolongedAtEnd.map(late)),
            ReportTable(
                name: "escalations", columns: escalationColumns,
                rows: escalations.map { e in
                    let d = e.decision
                    let row = [
                        e.trackingCode, e.on, e.reason, e.agency ?? "", e.proposalNumber ?? "", d?.on ?? "", d?.outcome ?? "",
                        d?.documentNumber ?? "", d?.leadAgency ?? "",
                    ]
                    return isInternal ? row + [e.proposal ?? "", e.positions ?? "", d?.text ?? ""] : row
                }),
            ReportTable(
                name: "repeated_complaints", columns: [.init("agency"), .init("agency_name"), .init("follow_ups", numeric: true)],
                rows: repeatedComplaints.byAgency.map { [$0.key, agencyName($0.key), n($0.count)] }),
            counts("satisfaction", "rating", nil, satisfaction.distribution),
            ReportTable(
                name: "named",
                columns: [
                    .init("agency"), .init("agency_name"), .init("reason", vocabulary: "naming_"), .init("cases", numeric: true),
                    .init("tracking_codes"),
                ],
                rows: named.flatMap { naming in
                    naming.findings.map {
                        [
                            naming.agency, agencyName(naming.agency), $0.reason, n($0.trackingCodes.count),
                            $0.trackingCodes.joined(separator: " "),
                        ]
                    }
                }),
            ReportTable(
                name: "commended",
                columns: [
                    .init("agency"), .init("agency_name"), .init("answered", numeric: true), .init("on_time_rate", numeric: true),
                    .init("mean_satisfaction", numeric: true),
                ],
                rows: commended.map { [$0.agency, agencyName($0.agency), n($0.answered), $0.onTimeRate, $0.meanSatisfaction] }),
            ReportTable(
                name: "useful",
                columns: [.init("tracking_code"), .init("date"), .init("agency"), .init("agency_name")]
                    + (isInternal ? [.init("result")] : []),
                rows: useful.map { u in
                    [u.trackingCode, u.on, u.agency ?? "", agencyName(u.agency)] + (isInternal ? [u.result ?? ""] : [])
                }),
        ]
    }
}

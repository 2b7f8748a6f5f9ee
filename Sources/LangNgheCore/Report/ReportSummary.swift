/// The report's short summary in Vietnamese: what changed most since the previous period, in a
/// few sentences written from the figures (the same figures always give the same words).
enum ReportSummary {
    static func sentences(_ report: PeriodReport, overall: AgencyStatistics, previousOverall: AgencyStatistics) -> [String] {
        var out: [String] = []
        let received = report.received
        if received.previousTotal == 0 {
            out.append("Kỳ này tiếp nhận \(number(received.total)) PAKN; kỳ trước không có PAKN nào.")
        } else {
            let change = Double(received.total - received.previousTotal) / Double(received.previousTotal) * 100
            let direction = change > 0 ? "tăng \(decimal(change, 1))%" : change < 0 ? "giảm \(decimal(-change, 1))%" : "bằng kỳ trước"
            out.append("Kỳ này tiếp nhận \(number(received.total)) PAKN, \(direction) so với kỳ trước (\(number(received.previousTotal))).")
        }
        if let rate = overall.onTime.estimate {
            var sentence =
                "Trả lời đúng hạn \(decimal(rate * 100, 1))% trong \(number(overall.answered)) PAKN đã trả lời "
                + "(khoảng tin cậy 95%: \(decimal(overall.onTime.lower * 100, 1))–\(decimal(overall.onTime.upper * 100, 1))%)"
            if let before = previousOverall.onTime.estimate {
                let points = (rate - before) * 100
                sentence +=
                    points.magnitude < 0.05
                    ? ", như kỳ trước" : ", \(points > 0 ? "tăng" : "giảm") \(decimal(points.magnitude, 1)) điểm phần trăm so với kỳ trước"
            }
            out.append(sentence + ".")
        }
        // Among agencies ranked in both periods: a rate over a handful of answers swings by chance.
        let changes = report.agencies.filter { $0.rank != nil && $0.previousRank != nil }.compactMap { row in
            row.onTimeChange.flatMap(Double.init).map { (row.agency, $0) }
        }
        if let best = changes.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), best.1 > 0 {
            out.append("Cải thiện nhiều nhất: \(name(best.0, report)) (tăng \(decimal(best.1, 1)) điểm phần trăm đúng hạn).")
        }
        if let worst = changes.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), worst.1 < 0 {
            out.append("Giảm nhiều nhất: \(name(worst.0, report)) (giảm \(decimal(-worst.1, 1)) điểm phần trăm đúng hạn).")
        }
        if let field = received.byField.filter({ $0.key != "-" }).max(by: { ($0.count, $1.key) < ($1.count, $0.key) }), field.count > 0 {
            out.append("Lĩnh vực nhiều PAKN nhất: \(report.fieldNames[field.key] ?? field.key) (\(number(field.count)) PAKN).")
        }
        out.append(
            "Cuối kỳ còn \(number(report.outcomes.openAtEnd)) PAKN đang xử lý, trong đó \(number(report.overdueAtEnd.count)) quá hạn "
                + "và \(number(report.prolongedAtEnd.count)) bị kéo dài.")
        if report.outcomes.escalated > 0 || report.outcomes.decided > 0 {
            out.append(
                "\(number(report.outcomes.escalated)) vụ việc được trình Thủ tướng; \(number(report.outcomes.decided)) vụ việc đã có quyết định."
            )
        }
        out.append("\(number(report.named.count)) cơ quan bị nêu tên, \(number(report.commended.count)) cơ quan được biểu dương.")
        if let mean = report.satisfaction.mean.flatMap(Double.init) {
            out.append("Mức hài lòng trung bình \(decimal(mean, 1))/5 trên \(number(report.satisfaction.ratings)) đánh giá.")
        }
        return out
    }

    private static func name(_ code: String, _ report: PeriodReport) -> String {
        report.agencyNames[code] ?? code
    }

    /// 12345 as "12.345": Vietnamese groups thousands with a dot.
    static func number(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// 85.71 as "85,7": a decimal comma.
    static func decimal(_ value: Double, _ digits: Int) -> String {
        let text = Decimals.fixed(value, digits)
        let parts = text.split(separator: ".")
        return number(Int(parts[0]) ?? 0) + (parts.count > 1 ? "," + parts[1] : "")
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// What a form or an API call asks a report for, read from a query: `ky` (2026-Q3, 2026-H1), or
/// `tu` and `den` (any days, as typed: 01/07/2026 or 2026-07-01); `co-quan` (empty for the whole
/// system); `ban` (`noi-bo` or `cong-khai`); `dinh-dang` (html, csv, json). Problems are named by
/// field, so that the form comes back filled in with each one beside its field.
struct ReportRequest {
    var period: ReportPeriod?
    var agency: String?
    var audience = ReportAudience.internal
    var format = ReportFormat.html
    var errors: [FieldError] = []

    /// As typed, for the form to show again.
    var typedPeriod = ""
    var typedFrom = ""
    var typedTo = ""

    init(query: (String) -> String?, agencies: [Agency]) {
        typedPeriod = query("ky") ?? ""
        typedFrom = (query("tu") ?? "").trimmingCharacters(in: .whitespaces)
        typedTo = (query("den") ?? "").trimmingCharacters(in: .whitespaces)
        if !typedFrom.isEmpty || !typedTo.isEmpty {
            let from = CivilDate(entered: typedFrom)
            let to = CivilDate(entered: typedTo)
            if from == nil { errors.append(FieldError("from", typedFrom.isEmpty ? .required : .invalidDate)) }
            if to == nil { errors.append(FieldError("to", typedTo.isEmpty ? .required : .invalidDate)) }
            if let from, let to {
                period = ReportPeriod(from: from, to: to)
                if period == nil {
                    errors.append(
                        FieldError("to", from > to ? .periodReversed : .periodTooLong(maxYears: ReportPeriod.maximumDays / 366)))
                }
            }
        } else if let named = ReportPeriod(typedPeriod) {
            period = named
        } else {
            errors.append(FieldError("period", typedPeriod.isEmpty ? .required : .invalidChoice))
        }
        let code = (query("co-quan") ?? "").trimmingCharacters(in: .whitespaces)
        if !code.isEmpty {
            if agencies.contains(where: { $0.code == code }) { agency = code } else { errors.append(FieldError("agency", .unknownAgency)) }
        }
        switch query("ban") ?? "noi-bo" {
        case "noi-bo", "": audience = .internal
        case "cong-khai": audience = .public
        default: errors.append(FieldError("audience", .invalidChoice))
        }
        if let format = ReportFormat(rawValue: query("dinh-dang") ?? "html") {
            self.format = format
        } else {
            errors.append(FieldError("format", .invalidChoice))
        }
    }

    /// Coordinators and admins may have any report; anyone else (an agency's leader) only their
    /// own agency's.
    func isAllowed(for staff: StaffAccount) -> Bool {
        Publishers.admits(staff) || agency == staff.agencyCode
    }

    /// The finished quarters and half-years of the last three years, newest first: the choices.
    static func recentPeriods(today: CivilDate) -> [ReportPeriod] {
        var quarters: [ReportPeriod] = []
        var quarter = ReportService.lastFinishedQuarter(before: today)
        for _ in 0..<12 {
            quarters.append(quarter)
            quarter = quarter.previous
        }
        let halves = (today.year - 3...today.year).flatMap { year in [ReportPeriod("\(year)-H1")!, ReportPeriod("\(year)-H2")!] }
            .filter { $0.to < today }
        // A half-year ends with a quarter: the quarter first.
        return (quarters + halves.suffix(6)).sorted { a, b in a.to != b.to ? a.to > b.to : a.kind == .quarter && b.kind != .quarter }
    }
}

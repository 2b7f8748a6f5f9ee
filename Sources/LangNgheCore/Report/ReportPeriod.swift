/// The days a report covers, in office time with both ends included: a quarter (`2026-Q3`, the
/// Government Office's report to the Prime Minister), a half-year (`2026-H1`, the ministries' and
/// provinces' report, Decree 20/2008 Art. 22) or any days.
public struct ReportPeriod: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case quarter, half, days
    }

    public let kind: Kind
    public let days: ClosedRange<CivilDate>

    /// The longest period a report covers: ten years of days.
    public static let maximumDays = 3_660

    /// A quarter or a half-year by its name: `2026-Q3`, `2026-H1`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (2000...2100).contains(year), parts[1].count == 2,
            let number = Int(parts[1].dropFirst())
        else { return nil }
        switch (parts[1].first, number) {
        case ("Q", 1...4): self.init(kind: .quarter, year: year, firstMonth: number * 3 - 2, months: 3)
        case ("H", 1...2): self.init(kind: .half, year: year, firstMonth: number * 6 - 5, months: 6)
        default: return nil
        }
    }

    /// The quarter `day` falls in.
    public init(quarterOf day: CivilDate) {
        self.init(kind: .quarter, year: day.year, firstMonth: (day.month - 1) / 3 * 3 + 1, months: 3)
    }

    /// Any days, `from` through `to`; nil when `to` comes first or the period is too long.
    public init?(from: CivilDate, to: CivilDate) {
        guard from <= to, to.julianDay - from.julianDay < Self.maximumDays else { return nil }
        kind = .days
        days = from...to
    }

    private init(kind: Kind, year: Int, firstMonth: Int, months: Int) {
        let first = CivilDate(year: year, month: firstMonth, day: 1)!
        let last = CivilDate(year: year, month: firstMonth + months - 1, day: 1)!.lastDayOfMonth
        self.kind = kind
        days = first...last
    }

    public var from: CivilDate { days.lowerBound }
    public var to: CivilDate { days.upperBound }

    /// `2026-Q3`, `2026-H1`, or `2026-07-01..2026-08-15`.
    public var label: String {
        switch kind {
        case .quarter: "\(from.year)-Q\((from.month + 2) / 3)"
        case .half: "\(from.year)-H\((from.month + 5) / 6)"
        case .days: "\(from.iso)..\(to.iso)"
        }
    }

    /// The period before, that a report compares with: the quarter or half-year before, or as
    /// many days just before.
    public var previous: ReportPeriod {
        switch kind {
        case .quarter, .half:
            let months = kind == .quarter ? 3 : 6
            let index = from.year * 12 + from.month - 1 - months
            return ReportPeriod(kind: kind, year: index / 12, firstMonth: index % 12 + 1, months: months)
        case .days:
            let length = to.julianDay - from.julianDay + 1
            return ReportPeriod(from: from.adding(days: -length), to: from.adding(days: -1))!
        }
    }
}

import Foundation

/// A public holiday as data: when it falls, its names, and the period of law it belongs to.
///
/// Holidays change by law (a day added, Tết lengthened), so they are rules with effective
/// dates rather than code; `statutory` is the current Labour Code list.
public struct HolidayRule: Codable, Sendable, Hashable {
    /// When the holiday falls in a year.
    public enum Timing: Codable, Sendable, Hashable {
        /// A fixed day of the Gregorian calendar.
        case solar(month: Int, day: Int)
        /// A fixed day of the lunar calendar (in a leap year, of the ordinary month).
        case lunar(month: Int, day: Int)
        /// Tết: the last days of the old lunar year and the first days of the new one.
        case tet(lastDaysOfOldYear: Int, firstDaysOfNewYear: Int)
    }

    public var timing: Timing
    public var nameVi: String
    public var nameEn: String
    /// First day the rule applies; nil for "always".
    public var effectiveFrom: CivilDate?
    /// Last day the rule applies; nil for "still in force".
    public var effectiveUntil: CivilDate?

    /// A rule; without dates it applies to every year.
    public init(
        _ timing: Timing, nameVi: String, nameEn: String,
        effectiveFrom: CivilDate? = nil, effectiveUntil: CivilDate? = nil
    ) {
        self.timing = timing
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
    }

    /// Whether the rule is in force on `date`.
    public func isEffective(on date: CivilDate) -> Bool {
        (effectiveFrom.map { $0 <= date } ?? true) && (effectiveUntil.map { date <= $0 } ?? true)
    }

    /// The days this rule gives in `year` — the Gregorian year for a solar rule, the lunar
    /// year for a lunar rule or Tết — limited to the days it is in force.
    public func dates(in year: Int, lunar: LunarCalendar = .vietnam) -> [CivilDate] {
        let days: [CivilDate]
        switch timing {
        case .solar(let month, let day):
            days = CivilDate(year: year, month: month, day: day).map { [$0] } ?? []
        case .lunar(let month, let day):
            days = lunar.solarDate(for: LunarDate(year: year, month: month, day: day)).map { [$0] } ?? []
        case .tet(let before, let after):
            let newYear = lunar.lunarNewYear(year)
            days = (-before..<after).map { newYear.adding(days: $0) }
        }
        return days.filter(isEffective)
    }
}

extension HolidayRule {
    /// The public holidays of the Labour Code 2019 (Law 45/2019/QH14), Art. 112, in force since 2021-01-01.
    ///
    /// Tết defaults to the last day of the old year and the first four of the new one, the
    /// usual choice; each year's actual days come from the Government's notice as overrides.
    /// The second National Day is the day before 2 September here; a year that takes the day
    /// after instead says so with overrides.
    public static let statutory: [HolidayRule] = [
        HolidayRule(.solar(month: 1, day: 1), nameVi: "Tết Dương lịch", nameEn: "New Year's Day"),
        HolidayRule(
            .tet(lastDaysOfOldYear: 1, firstDaysOfNewYear: 4), nameVi: "Tết Nguyên đán",
            nameEn: "Lunar New Year (Tết)"),
        HolidayRule(
            .lunar(month: 3, day: 10), nameVi: "Giỗ Tổ Hùng Vương", nameEn: "Hùng Kings' Commemoration Day"),
        HolidayRule(.solar(month: 4, day: 30), nameVi: "Ngày Chiến thắng", nameEn: "Reunification Day"),
        HolidayRule(.solar(month: 5, day: 1), nameVi: "Ngày Quốc tế Lao động", nameEn: "International Labour Day"),
        HolidayRule(.solar(month: 9, day: 2), nameVi: "Quốc khánh", nameEn: "National Day"),
        // The second National Day holiday was added by the Labour Code 2019.
        HolidayRule(
            .solar(month: 9, day: 1), nameVi: "Quốc khánh (ngày liền kề)", nameEn: "National Day (adjacent day)",
            effectiveFrom: CivilDate(year: 2021, month: 1, day: 1)),
    ]

    /// Vietnam Culture Day, 24 November: chosen by the Politburo as a paid day off; a holiday
    /// only once the law says so, hence a rule to add with the date it takes effect.
    public static func vietnamCultureDay(effectiveFrom: CivilDate) -> HolidayRule {
        HolidayRule(
            .solar(month: 11, day: 24), nameVi: "Ngày Văn hoá Việt Nam", nameEn: "Vietnam Culture Day",
            effectiveFrom: effectiveFrom)
    }
}

extension [HolidayRule] {
    /// The Labour Code's holidays, `HolidayRule.statutory`.
    public static var statutory: [HolidayRule] { HolidayRule.statutory }
}

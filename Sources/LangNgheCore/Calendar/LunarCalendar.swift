import Foundation

/// A date in the lunisolar calendar: year (of the lunar year that starts at Tết), month, day.
public struct LunarDate: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var isLeapMonth: Bool

    /// A lunar date; a leap month carries the number of the month it follows.
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }
}

/// One month of a lunar year.
public struct LunarMonth: Hashable, Sendable {
    /// 1…12; a leap month repeats the number of the month before it.
    public let month: Int
    public let isLeap: Bool
    /// The day of the new moon that starts the month.
    public let firstDay: CivilDate
    /// 29 or 30 days.
    public let length: Int
}

/// The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy for one time zone.
///
/// The rules: a month begins on the civil day of a new moon; month 11 is the month holding
/// the December solstice; when 13 months lie between two months 11, the first of them
/// without a major solar term (zhongqi) is a leap month. Vietnam applies them at UTC+7,
/// China at UTC+8, which is why Tết sometimes differs by a day or a month (1985, 2007, 2030).
/// Accurate for 1900–2199; outside, the astronomy still runs but ΔT is a guess.
public struct LunarCalendar: Hashable, Sendable {
    /// Hours east of UTC in which the days are counted.
    public let timeZoneHours: Double

    /// A calendar counted in the zone `timeZoneHours` east of UTC.
    public init(timeZoneHours: Double = 7) {
        self.timeZoneHours = timeZoneHours
    }

    /// Vietnam's calendar, UTC+7.
    public static let vietnam = LunarCalendar()
    /// China's calendar since 1929, UTC+8.
    public static let china = LunarCalendar(timeZoneHours: 8)

    /// The lunar date of a civil date.
    public func lunarDate(for date: CivilDate) -> LunarDate {
        let jdn = date.julianDay
        // The suì ending in this year began with month 11 late last year; from this year's
        // month 11 on, the date is in the next suì.
        let next = sui(endingIn: date.year + 1)
        let sui = jdn >= next.months[0].start ? next : self.sui(endingIn: date.year)
        let month = sui.months.last { $0.start <= jdn }!
        // A suì's months 11 and 12 close the previous lunar year.
        let lunarYear = month.number >= 11 ? sui.year - 1 : sui.year
        return LunarDate(year: lunarYear, month: month.number, day: jdn - month.start + 1, isLeapMonth: month.isLeap)
    }

    /// The civil date of a lunar date; nil for a leap month the year does not have, or for day 30 of a 29-day month.
    public func solarDate(for date: LunarDate) -> CivilDate? {
        // Months 11 and 12 of a lunar year open the next suì.
        let sui = sui(endingIn: date.month >= 11 ? date.year + 1 : date.year)
        guard let month = sui.month(date.month, isLeap: date.isLeapMonth), (1...month.length).contains(date.day)
        else { return nil }
        return CivilDate(julianDay: month.start + date.day - 1)
    }

    /// Tết Nguyên đán: the first day of lunar year `year`, in the civil year `year`.
    public func lunarNewYear(_ year: Int) -> CivilDate {
        CivilDate(julianDay: sui(endingIn: year).month(1, isLeap: false)!.start)
    }

    /// Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month.
    public func hungKings(_ year: Int) -> CivilDate {
        solarDate(for: LunarDate(year: year, month: 3, day: 10))!
    }

    /// The months of lunar year `year`, from month 1 (Tết) to month 12, with its leap month if any.
    public func months(ofYear year: Int) -> [LunarMonth] {
        // Months 1…10 close one solar year's run; 11 and 12 open the next one.
        let current = sui(endingIn: year)
        let following = sui(endingIn: year + 1)
        let firstHalf = current.lunarMonths.filter { $0.month <= 10 }
        let secondHalf = following.lunarMonths.filter { $0.month >= 11 }
        return firstHalf + secondHalf
    }

    /// The number of the month that is doubled in lunar year `year`, or nil in a 12-month year.
    public func leapMonth(ofYear year: Int) -> Int? {
        months(ofYear: year).first(where: \.isLeap)?.month
    }
}

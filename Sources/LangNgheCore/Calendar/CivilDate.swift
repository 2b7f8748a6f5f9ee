import Foundation

/// A day of the (proleptic) Gregorian calendar, without time or time zone.
///
/// Deadlines are counted in whole days, so the calendar works on these rather than on `Date`,
/// whose day depends on a time zone. Arithmetic goes through the Julian Day Number, the plain
/// day count astronomers use, which is also what the lunar calendar needs.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date with these numbers, or nil if there is no such day (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a strict ISO 8601 calendar date, "YYYY-MM-DD".
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A date as a person types it: day/month/year as shown on every page ("01/12/2026",
    /// "1/12/2026", with dots or dashes too), or YYYY-MM-DD as in addresses and the API.
    public init?(entered text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let iso = CivilDate(iso: text) {
            self = iso
            return
        }
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date with the given chronological Julian Day Number (2000-01-01 is 2451545).
    public init(julianDay: Int) {
        // Inverse of `julianDay` below: split the day count into 400-year eras, then into
        // years and months of a year that starts on 1 March (so February comes last).
        let days = julianDay - Self.marchFirstOfYearZero
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The first and the last day of this date's month.
    public var firstDayOfMonth: CivilDate { CivilDate(julianDay: julianDay - day + 1) }
    public var lastDayOfMonth: CivilDate { CivilDate(julianDay: julianDay - day + Self.daysIn(month: month, year: year)) }

    /// The chronological Julian Day Number of this date.
    public var julianDay: Int { Self.julianDay(year: year, month: month, day: day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { Self.weekday(ofJulianDay: julianDay) }

    /// "YYYY-MM-DD".
    public var iso: String {
        let y = String(year).leftPadded(to: 4)
        return "\(y)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))"
    }

    public var description: String { iso }

    /// The date `days` days later (earlier if negative).
    public func adding(days: Int) -> CivilDate { CivilDate(julianDay: julianDay + days) }

    /// The calendar date at the instant `date` in the zone `offsetSeconds` east of UTC (Vietnam by default).
    public static func localDate(of date: Date, offsetSeconds: Int = 7 * 3600) -> CivilDate {
        let localSeconds = date.timeIntervalSince1970 + Double(offsetSeconds)
        let days = Int((localSeconds / 86_400).rounded(.down))
        return CivilDate(julianDay: unixEpochJulianDay + days)
    }

    /// The instant this day begins in the zone `offsetSeconds` east of UTC.
    public func startOfDay(offsetSeconds: Int = 7 * 3600) -> Date {
        let seconds = (julianDay - Self.unixEpochJulianDay) * 86_400 - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not an ISO date (YYYY-MM-DD): \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension CivilDate {
    /// Julian Day Number of 1970-01-01, the Unix epoch.
    static let unixEpochJulianDay = 2_440_588
    /// Julian Day Number of 0000-03-01 (proleptic Gregorian), where the era arithmetic starts.
    static let marchFirstOfYearZero = 1_721_120

    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        // Count from 1 March so that the leap day is the last day of the counted year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra + marchFirstOfYearZero
    }

    /// ISO weekday of a Julian Day Number; day 0 of the count was a Monday.
    static func weekday(ofJulianDay jdn: Int) -> Int { ((jdn % 7) + 7) % 7 + 1 }

    static func isWeekend(julianDay jdn: Int) -> Bool { weekday(ofJulianDay: jdn) >= 6 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

import Foundation

/// The lunar months from one winter-solstice month (month 11) up to the next: the solar year,
/// or suì, inside which the leap-month rule is applied.
struct Sui: Sendable {
    struct Month: Sendable {
        let number: Int
        let isLeap: Bool
        /// Julian Day Number of the month's first day.
        let start: Int
    }

    /// The civil year in which the run ends; it starts with month 11 of `year - 1`.
    let year: Int
    /// Month 11 of `year - 1` up to the month before month 11 of `year`.
    let months: [Month]
    /// Julian Day Number of the first day of the next month 11.
    let end: Int

    /// First day and length of month `number` (its leap twin if `isLeap`), if this run has it.
    func month(_ number: Int, isLeap: Bool) -> (start: Int, length: Int)? {
        guard let i = months.firstIndex(where: { $0.number == number && $0.isLeap == isLeap }) else { return nil }
        return (months[i].start, length(of: i))
    }

    var lunarMonths: [LunarMonth] {
        months.indices.map { i in
            LunarMonth(
                month: months[i].number, isLeap: months[i].isLeap, firstDay: CivilDate(julianDay: months[i].start),
                length: length(of: i))
        }
    }

    private func length(of i: Int) -> Int {
        (i + 1 < months.count ? months[i + 1].start : end) - months[i].start
    }
}

extension LunarCalendar {
    private struct SuiKey: Hashable, Sendable {
        let timeZoneHours: Double
        let year: Int
    }

    // Shared by every calendar value: the astronomy is pure, so a key always gives the same
    // months. A few hundred years of two or three time zones is all it ever holds.
    private static let cache = LockedCache<SuiKey, Sui>()

    /// The months of the suì that ends with month 11 of civil year `year`.
    func sui(endingIn year: Int) -> Sui {
        Self.cache.value(for: SuiKey(timeZoneHours: timeZoneHours, year: year)) {
            makeSui(endingIn: year)
        }
    }

    private func makeSui(endingIn year: Int) -> Sui {
        let first = month11(of: year - 1)
        let last = month11(of: year)
        let starts = (first...last).map(dayOfNewMoon)
        // Twelve major solar terms fall in a suì. With 13 months, some month gets none (it
        // starts and ends in the same 30° sector of the Sun's longitude); the first such month
        // is the leap month. Month 11 holds the solstice, so the search starts after it.
        var leap: Int?
        if last - first == 13 {
            let sectors = starts.map { Int(sunLongitude(atStartOf: $0) / 30) }
            leap = (1..<13).first { sectors[$0] == sectors[$0 + 1] }
        }
        var number = 10
        let months = (0..<(last - first)).map { i in
            let isLeap = i == leap
            if !isLeap { number = number % 12 + 1 }
            return Sui.Month(number: number, isLeap: isLeap, start: starts[i])
        }
        return Sui(year: year, months: months, end: starts[starts.count - 1])
    }

    /// The number k of the new moon that starts month 11 of civil year `year`: the last new
    /// moon whose day begins before the December solstice (the Sun at 270°).
    private func month11(of year: Int) -> Int {
        let december = Double(CivilDate.julianDay(year: year, month: 12, day: 1))
        // 2451550.1 is the mean new moon k = 0 (2000-01-06).
        var k = Int(((december - 2_451_550.1) / Astronomy.synodicMonth).rounded())
        // The estimate is at most one lunation off; step until the month straddles 270°.
        while true {
            if sunLongitude(atStartOf: dayOfNewMoon(k)) >= 270 {
                k -= 1
            } else if sunLongitude(atStartOf: dayOfNewMoon(k + 1)) < 270 {
                k += 1
            } else {
                return k
            }
        }
    }

    /// The civil day (Julian Day Number) in this time zone on which new moon `k` happens.
    private func dayOfNewMoon(_ k: Int) -> Int {
        let jde = Astronomy.newMoon(k)
        let universal = jde - Astronomy.deltaT(jde)
        return Int((universal + 0.5 + timeZoneHours / 24).rounded(.down))
    }

    /// The Sun's apparent longitude at the local midnight that starts day `jdn`.
    ///
    /// Comparing it at the starts of two days tells whether a solar term falls between them,
    /// which is all the calendar asks: in which civil day a term falls.
    private func sunLongitude(atStartOf jdn: Int) -> Double {
        let universal = Double(jdn) - 0.5 - timeZoneHours / 24
        return Astronomy.sunLongitude(universal + Astronomy.deltaT(universal))
    }
}

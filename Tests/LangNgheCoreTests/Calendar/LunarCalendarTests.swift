import LangNgheCore
import Testing

@Suite("Lunar calendar")
struct LunarCalendarTests {
    let vietnam = LunarCalendar.vietnam

    @Test(
        "Tết",
        arguments: [
            (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
            (2028, "2028-01-26"), (2030, "2030-02-02"),
        ])
    func lunarNewYear(year: Int, expected: String) {
        #expect(vietnam.lunarNewYear(year) == civil(expected))
    }

    @Test(
        "Giỗ Tổ Hùng Vương",
        arguments: [
            (2024, "2024-04-18"), (2025, "2025-04-07"), (2026, "2026-04-26"), (2027, "2027-04-16"),
            (2028, "2028-04-04"),
        ])
    func hungKings(year: Int, expected: String) {
        #expect(vietnam.hungKings(year) == civil(expected))
    }

    // The same rules at UTC+8 give China's calendar; new moons close to midnight split them.
    @Test(
        "Vietnam (UTC+7) and China (UTC+8)",
        arguments: [
            (1985, "1985-01-21", "1985-02-20"), (2007, "2007-02-17", "2007-02-18"),
            (2030, "2030-02-02", "2030-02-03"), (1943, "1943-02-05", "1943-02-05"),
            (1954, "1954-02-03", "1954-02-03"), (1969, "1969-02-16", "1969-02-17"),
            (2053, "2053-02-18", "2053-02-19"),
        ])
    func vietnamAndChina(year: Int, vietnamese: String, chinese: String) {
        #expect(vietnam.lunarNewYear(year) == civil(vietnamese))
        #expect(LunarCalendar.china.lunarNewYear(year) == civil(chinese))
    }

    @Test(
        "Leap months",
        arguments: [
            (2020, 4), (2023, 2), (2025, 6), (2028, 5), (1985, 2), (2033, 11), (2024, nil), (2026, nil),
        ] as [(Int, Int?)])
    func leapMonth(year: Int, month: Int?) {
        #expect(vietnam.leapMonth(ofYear: year) == month)
    }

    @Test func chinaHadLeapTenIn1984WhereVietnamHadNone() {
        #expect(LunarCalendar.china.leapMonth(ofYear: 1984) == 10)
        #expect(vietnam.leapMonth(ofYear: 1984) == nil)
    }

    @Test func lunarDatesAroundTet2026() {
        #expect(vietnam.lunarDate(for: civil("2026-02-17")) == LunarDate(year: 2026, month: 1, day: 1))
        #expect(vietnam.lunarDate(for: civil("2026-02-16")) == LunarDate(year: 2025, month: 12, day: 29))
        #expect(vietnam.lunarDate(for: civil("2026-02-14")) == LunarDate(year: 2025, month: 12, day: 27))
        #expect(vietnam.lunarDate(for: civil("2026-02-22")) == LunarDate(year: 2026, month: 1, day: 6))
        // 2025's leap month 6 began on 25 July.
        #expect(
            vietnam.lunarDate(for: civil("2025-07-25")) == LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true))
    }

    @Test func solarDateRejectsDaysThatDoNotExist() throws {
        #expect(vietnam.solarDate(for: LunarDate(year: 2026, month: 4, day: 1, isLeapMonth: true)) == nil)
        let short = try #require(vietnam.months(ofYear: 2026).first { $0.length == 29 })
        #expect(vietnam.solarDate(for: LunarDate(year: 2026, month: short.month, day: 30)) == nil)
        #expect(vietnam.solarDate(for: LunarDate(year: 2026, month: short.month, day: 29)) != nil)
        #expect(vietnam.solarDate(for: LunarDate(year: 2026, month: 13, day: 1)) == nil)
        #expect(vietnam.solarDate(for: LunarDate(year: 2026, month: 1, day: 0)) == nil)
    }

    @Test func yearsHaveTwelveOrThirteenMonthsOfTwentyNineOrThirtyDays() {
        for year in 1900...2199 {
            let months = vietnam.months(ofYear: year)
            let leap = vietnam.leapMonth(ofYear: year)
            #expect(months.count == (leap == nil ? 12 : 13), "\(year)")
            #expect(months.allSatisfy { $0.length == 29 || $0.length == 30 }, "\(year)")
            #expect(months.first?.month == 1 && months.first?.isLeap == false)
            for (month, next) in zip(months, months.dropFirst()) {
                #expect(month.firstDay.adding(days: month.length) == next.firstDay, "\(year)")
            }
            #expect(months.last!.firstDay.adding(days: months.last!.length) == vietnam.lunarNewYear(year + 1))
        }
    }

    @Test func everyDayFrom1900To2199RoundTrips() {
        var previous = vietnam.lunarDate(for: civil("1899-12-31"))
        var wrong: [CivilDate] = []
        for jdn in civil("1900-01-01").julianDay...civil("2199-12-31").julianDay {
            let date = CivilDate(julianDay: jdn)
            let lunar = vietnam.lunarDate(for: date)
            // Back to the same day, and the next day of the month or day 1 of a new month.
            if vietnam.solarDate(for: lunar) != date || (lunar.day != previous.day + 1 && lunar.day != 1) {
                wrong.append(date)
            }
            previous = lunar
        }
        #expect(wrong.isEmpty)
    }
}

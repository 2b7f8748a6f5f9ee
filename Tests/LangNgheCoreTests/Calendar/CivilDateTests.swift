import Foundation
import LangNgheCore
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    @Test(
        "ISO parsing is strict",
        arguments: [
            "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-2-3", "26-02-03", "2026-02-03 ",
            "2026/02/03", "", "２０２６-02-03", "+026-02-03",
        ])
    func rejectsInvalidISO(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func parsesAndPrintsISO() {
        let date = CivilDate(iso: "2024-02-29")
        #expect(date?.year == 2024 && date?.month == 2 && date?.day == 29)
        #expect(date?.iso == "2024-02-29")
        #expect(CivilDate(iso: "0800-01-05")?.description == "0800-01-05")
    }

    @Test func julianDayMatchesKnownEpochs() {
        #expect(civil("2000-01-01").julianDay == 2_451_545)
        #expect(civil("1970-01-01").julianDay == 2_440_588)
        #expect(civil("1858-11-17").julianDay == 2_400_001)  // MJD 0: JD 2400000.5 began this day
        #expect(CivilDate(julianDay: 2_451_545) == civil("2000-01-01"))
    }

    @Test func julianDayRoundTripsAndCountsConsecutiveDays() {
        // Plain checks in the loop, one expectation at the end: 110 000 days stay fast.
        var previous = civil("1899-12-31")
        var wrong: [Int] = []
        for jdn in civil("1900-01-01").julianDay...civil("2199-12-31").julianDay {
            let date = CivilDate(julianDay: jdn)
            let consistent =
                date.julianDay == jdn && previous < date
                && CivilDate(year: date.year, month: date.month, day: date.day) == date
            if !consistent { wrong.append(jdn) }
            previous = date
        }
        #expect(wrong.isEmpty)
    }

    @Test func weekdayIsISO() {
        #expect(civil("2000-01-01").weekday == 6)  // Saturday
        #expect(civil("2026-02-17").weekday == 2)  // Tuesday, Tết Bính Ngọ
        #expect(civil("2026-04-26").weekday == 7)  // Sunday
        #expect(civil("2026-08-24").weekday == 1)  // Monday
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(civil("2026-02-28").adding(days: 1) == civil("2026-03-01"))
        #expect(civil("2024-02-28").adding(days: 1) == civil("2024-02-29"))
        #expect(civil("2026-01-01").adding(days: -1) == civil("2025-12-31"))
        #expect(civil("2026-01-01").adding(days: 365) == civil("2027-01-01"))
    }

    @Test func localDateIsTheDayInVietnam() {
        #expect(CivilDate.localDate(of: isoInstant("2026-02-10T17:00:00Z")) == civil("2026-02-11"))
        #expect(CivilDate.localDate(of: isoInstant("2026-02-10T16:59:59Z")) == civil("2026-02-10"))
        #expect(CivilDate.localDate(of: isoInstant("1969-12-31T23:00:00Z"), offsetSeconds: 0) == civil("1969-12-31"))
        #expect(
            CivilDate.localDate(of: isoInstant("2026-02-10T16:59:59Z"), offsetSeconds: 8 * 3600) == civil("2026-02-11"))
    }

    @Test func startOfDayIsLocalMidnight() {
        #expect(civil("2026-02-11").startOfDay() == isoInstant("2026-02-11T00:00:00+07:00"))
        #expect(civil("1960-06-01").startOfDay(offsetSeconds: 0) == isoInstant("1960-06-01T00:00:00Z"))
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([civil("2026-02-17")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-17"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [civil("2026-02-17")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}

import Foundation
import LangNgheCore
import Testing

@Suite("Working calendar: rules and compensation")
struct WorkingCalendarTests {
    let statutory = WorkingCalendar()

    @Test func weekendsAreOff() {
        #expect(statutory.isWorkingDay(civil("2026-03-06")))  // Friday
        #expect(!statutory.isWorkingDay(civil("2026-03-07")))  // Saturday
        #expect(!statutory.isWorkingDay(civil("2026-03-08")))  // Sunday
    }

    @Test(
        "Statutory holidays of 2026 on weekdays",
        arguments: [
            "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-30",
            "2026-05-01", "2026-09-01", "2026-09-02",
        ])
    func holiday(_ iso: String) {
        #expect(!statutory.isWorkingDay(civil(iso)))
    }

    @Test func tetIsTheLastDayOfTheOldYearAndFourOfTheNew() {
        let tet = statutory.nonWorkingDays(in: 2026).filter { $0.reason == "Tết Nguyên đán" }.map(\.date)
        #expect(tet == ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map(civil))
        #expect(statutory.isWorkingDay(civil("2026-02-23")))
    }

    @Test func aHolidayOnASundayGivesTheMonday() {
        // Hùng Kings' Day 2026 is Sunday 26 April.
        let days = statutory.nonWorkingDays(in: 2026)
        #expect(
            days.contains(
                NonWorkingDay(
                    date: civil("2026-04-26"), kind: .holiday, reason: "Giỗ Tổ Hùng Vương", reasonEn: "Hùng Kings' Commemoration Day")))
        #expect(
            days.contains(
                NonWorkingDay(
                    date: civil("2026-04-27"), kind: .compensatory, reason: "Nghỉ bù Giỗ Tổ Hùng Vương",
                    reasonEn: "In lieu of Hùng Kings' Commemoration Day")))
    }

    @Test func eachWeekendHolidayGetsItsOwnDay() {
        // 2022: Hùng Kings on Sunday 10 April, 30 April and 1 May on a weekend: off 11 April, 2 and 3 May.
        let compensatory2022 = statutory.nonWorkingDays(in: 2022).filter { $0.kind == .compensatory }.map(\.date)
        #expect(compensatory2022 == ["2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03"].map(civil))
        // 2023: Hùng Kings on Saturday 29 April, 30 April on Sunday, 1 May on Monday: off 2 and 3 May.
        let compensatory2023 = statutory.nonWorkingDays(in: 2023).filter { $0.kind == .compensatory }.map(\.date)
        #expect(compensatory2023.filter { $0.month == 5 } == ["2023-05-02", "2023-05-03"].map(civil))
    }

    @Test func nationalDayHadOneDayBefore2021() {
        #expect(statutory.isWorkingDay(civil("2020-09-01")))  // Tuesday
        #expect(!statutory.isWorkingDay(civil("2021-09-01")))  // Wednesday
    }

    @Test func aNewHolidayIsOneMoreRuleWithItsDate() {
        let calendar = WorkingCalendar(rules: .statutory + [.vietnamCultureDay(effectiveFrom: civil("2026-01-01"))])
        #expect(!calendar.isWorkingDay(civil("2026-11-24")))  // Tuesday
        #expect(calendar.isWorkingDay(civil("2025-11-24")))  // Monday, before the rule
        #expect(statutory.isWorkingDay(civil("2026-11-24")))
    }

    @Test func nonWorkingDaysCanIncludeTheWeekends() {
        let all = statutory.nonWorkingDays(in: 2026, includingWeekends: true)
        let weekends = all.filter { $0.kind == .weekend }
        #expect(weekends.first == NonWorkingDay(date: civil("2026-01-03"), kind: .weekend, reason: "Thứ Bảy"))
        #expect(!weekends.contains { $0.date == civil("2026-04-26") })  // listed as the holiday
        #expect(all.map(\.date) == all.map(\.date).sorted())
        #expect(Set(all.map(\.date)).count == all.count)
        #expect(statutory.nonWorkingDays(in: 2026).allSatisfy { $0.kind != .weekend })
    }

    @Test func addAndCountWorkingDays() {
        // Friday 6 March 2026: the next working day is Monday 9 March.
        #expect(statutory.addWorkingDays(1, to: civil("2026-03-06")) == civil("2026-03-09"))
        #expect(statutory.addWorkingDays(0, to: civil("2026-03-07")) == civil("2026-03-09"))
        #expect(statutory.addWorkingDays(0, to: civil("2026-03-06")) == civil("2026-03-06"))
        #expect(statutory.addWorkingDays(-1, to: civil("2026-03-09")) == civil("2026-03-06"))
        #expect(statutory.workingDays(from: civil("2026-03-06"), to: civil("2026-03-09")) == 1)
        #expect(statutory.workingDays(from: civil("2026-03-09"), to: civil("2026-03-06")) == -1)
        #expect(statutory.workingDays(from: civil("2026-03-06"), to: civil("2026-03-06")) == 0)
        #expect(statutory.nextWorkingDay(onOrAfter: civil("2026-02-14")) == civil("2026-02-23"))
    }

    @Test func rulesAreCodableData() throws {
        let data = try JSONEncoder().encode(HolidayRule.statutory)
        #expect(try JSONDecoder().decode([HolidayRule].self, from: data) == HolidayRule.statutory)
        let json =
            #"{"timing":{"lunar":{"month":1,"day":15}},"nameVi":"Rằm tháng Giêng","nameEn":"Lantern","effectiveFrom":"2030-01-01"}"#
        let rule = try JSONDecoder().decode(HolidayRule.self, from: Data(json.utf8))
        #expect(rule.dates(in: 2030) == [civil("2030-02-16")])
        #expect(rule.dates(in: 2029) == [])
    }

    @Test func addingTwentyWorkingDaysTakesMicroseconds() {
        let calendar = WorkingCalendar()
        _ = calendar.addWorkingDays(20, to: civil("2026-02-11"))  // fills the year cache
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for offset in 0..<1000 {
                _ = calendar.addWorkingDays(20, to: civil("2026-03-01").adding(days: offset % 200))
            }
        }
        // Generous for slow machines and debug builds; typically a few microseconds per call.
        #expect(elapsed < .milliseconds(500))
    }
}

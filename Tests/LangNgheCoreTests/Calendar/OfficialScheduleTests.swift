import Foundation
import LangNgheCore
import Testing

@Suite("Working calendar: official schedules as overrides")
struct OfficialScheduleTests {
    let calendar: WorkingCalendar

    init() throws {
        calendar = WorkingCalendar(overrides: try officialOverrides())
    }

    @Test(
        "20 working days from receipt in 2026",
        arguments: [
            ("2026-02-11", "2026-03-18"),  // the Tết break 14–22 Feb
            ("2026-02-13", "2026-03-20"),
            ("2026-04-20", "2026-05-21"),  // Hùng Kings' Monday 27 Apr, 30 Apr, 1 May
            ("2026-08-14", "2026-09-15"),  // Saturday 22 Aug is worked, 29 Aug–2 Sep off
        ])
    func dueDate(received: String, due: String) {
        let receivedAt = isoInstant("\(received)T10:00:00+07:00")
        #expect(calendar.dueDate(receivedAt: receivedAt, workingDays: 20) == civil(due))
        #expect(calendar.addWorkingDays(20, to: civil(received)) == civil(due))
    }

    @Test(
        "The official breaks of 2025 and 2026, bounded by working days",
        arguments: [
            ("2025-01-25", "2025-02-02"), ("2025-04-30", "2025-05-04"), ("2025-08-30", "2025-09-02"),
            ("2026-01-01", "2026-01-04"), ("2026-02-14", "2026-02-22"),
            ("2026-04-25", "2026-04-27"),  // computed: Hùng Kings' Sunday and its Monday
            ("2026-04-30", "2026-05-03"), ("2026-08-29", "2026-09-02"),
        ])
    func officialBreak(first: String, last: String) {
        let (first, last) = (civil(first), civil(last))
        #expect(calendar.isWorkingDay(first.adding(days: -1)))
        #expect(calendar.isWorkingDay(last.adding(days: 1)))
        #expect(calendar.workingDays(from: first.adding(days: -1), to: last) == 0)
    }

    @Test func theOverridesFileIsWellFormed() throws {
        let overrides = try officialOverrides()
        #expect(Set(overrides.map(\.date)).count == overrides.count)
        #expect(overrides.allSatisfy { !$0.reason.isEmpty && !$0.legalBasis.isEmpty })
        #expect(overrides.filter { $0.kind == .workingDay }.allSatisfy { $0.date.weekday == 6 })
    }

    @Test func madeUpSaturdays() {
        #expect(calendar.workingSaturdays(in: 2025) == [civil("2025-04-26")])
        #expect(calendar.workingSaturdays(in: 2026) == [civil("2026-01-10"), civil("2026-08-22")])
        #expect(WorkingCalendar().workingSaturdays(in: 2026) == [])
    }

    @Test func tet2025IsTheOfficialBreakWithoutAComputedDayOnTop() {
        // Official: 25 Jan–2 Feb 2025. The default rule alone gives 28 Jan–1 Feb and, since
        // 1 Feb is a Saturday, Monday 3 Feb as well; the official schedule replaces both.
        #expect(calendar.isWorkingDay(civil("2025-02-03")))
        #expect(!WorkingCalendar().isWorkingDay(civil("2025-02-03")))
        #expect(WorkingCalendar().isWorkingDay(civil("2025-01-27")))
    }

    @Test func computedCompensationStaysOutsideTheOfficialBreaks() throws {
        let days = calendar.nonWorkingDays(in: 2026)
        let monday = try #require(days.first { $0.date == civil("2026-04-27") })
        #expect(monday.kind == .compensatory)
    }

    @Test func overridesWinPerDate() throws {
        let days = calendar.nonWorkingDays(in: 2026)
        let tet = try #require(days.first { $0.date == civil("2026-02-17") })
        #expect(tet.kind == .override && tet.reason == "Nghỉ Tết Nguyên đán Bính Ngọ")
        #expect(!days.contains { $0.date == civil("2026-08-22") })
        #expect(calendar.isWorkingDay(civil("2026-08-22")) && !calendar.isWorkingDay(civil("2026-08-31")))
    }

    @Test func anOverrideCanCancelAHoliday() {
        let cancelled = CalendarOverride(
            date: civil("2026-04-30"), kind: .workingDay, reason: "test", legalBasis: "test")
        let calendar = WorkingCalendar(overrides: [cancelled])
        #expect(calendar.isWorkingDay(civil("2026-04-30")))
        #expect(!calendar.nonWorkingDays(in: 2026).contains { $0.date == civil("2026-04-30") })
    }

    @Test func theLaterOfTwoOverridesForADateWins() {
        let first = CalendarOverride(date: civil("2026-03-09"), kind: .dayOff, reason: "a", legalBasis: "x")
        let second = CalendarOverride(date: civil("2026-03-09"), kind: .workingDay, reason: "b", legalBasis: "y")
        #expect(WorkingCalendar(overrides: [first, second]).isWorkingDay(civil("2026-03-09")))
        #expect(!WorkingCalendar(overrides: [second, first]).isWorkingDay(civil("2026-03-09")))
    }
}

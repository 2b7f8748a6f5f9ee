import Foundation

/// The arithmetic of one policy's unit: where a clock's count begins, where it ends, and how
/// much a pause holds it.
///
/// Time held by pauses is kept in the unit's grain: working days, calendar days, or seconds
/// for a policy in hours.
struct DeadlineCounting: Sendable {
    let unit: DeadlinePolicy.Unit
    let length: Int
    let calendar: WorkingCalendar
    let officeHours: OfficeHours
    /// Due dates already counted. An inbox counts from the same few hundred days over and
    /// over, and the calendar walks one day at a time.
    private let memo = LockedCache<DayCount, CivilDate>()

    private struct DayCount: Hashable, Sendable {
        let day: Int
        let count: Int
    }

    init(unit: DeadlinePolicy.Unit, length: Int, calendar: WorkingCalendar, officeHours: OfficeHours) {
        self.unit = unit
        self.length = length
        self.calendar = calendar
        self.officeHours = officeHours
    }

    /// The end of a clock: the last day still on time and the instant it becomes late.
    struct Due: Sendable, Hashable {
        let date: CivilDate
        let instant: Date
    }

    /// The day a clock started (or resumed) at `instant` counts from, itself not counted: as for
    /// a petition received then (DOMAIN.md §3), the next working day if the office is closed.
    func countingStart(at instant: Date) -> CivilDate {
        calendar.countingStart(receivedAt: instant, officeHours: officeHours)
    }

    /// The due date of a clock started at `startedAt`, counting from `countingDay`, held `held`.
    func due(startedAt: Date, countingDay: CivilDate, held: Int) -> Due {
        switch unit {
        case .workingDays:
            return endOf(addWorkingDays(length + held, to: countingDay))
        case .calendarDays:
            // A period that ends on a day off ends on the next working day (Civil Code Art. 148).
            return endOf(addWorkingDays(0, to: countingDay.adding(days: length + held)))
        case .hours:
            let instant = startedAt.addingTimeInterval(TimeInterval(length * 3600 + held))
            return Due(date: CivilDate.localDate(of: instant, offsetSeconds: officeHours.utcOffsetSeconds), instant: instant)
        }
    }

    /// How long a pause from `pausedAt` until `resumedAt` held a clock, counting only the time
    /// the clock would have run: after its counting day (or start instant), up to and including
    /// the day the resuming event counts from.
    ///
    /// So information asked for on Monday and given on Wednesday in office hours holds a
    /// working-day clock two days (Tuesday, Wednesday), and its count goes on from Thursday,
    /// as if the petition had been received on Wednesday with the days used before Monday's
    /// end already spent.
    func held(startedAt: Date, countingDay: CivilDate, pausedAt: Date, resumedAt: Date) -> Int {
        switch unit {
        case .workingDays, .calendarDays:
            let from = max(countingDay, localDay(of: pausedAt))
            let to = countingStart(at: resumedAt)
            guard from < to else { return 0 }
            return unit == .workingDays ? calendar.workingDays(from: from, to: to) : to.julianDay - from.julianDay
        case .hours:
            return max(0, Int(resumedAt.timeIntervalSince(max(startedAt, pausedAt))))
        }
    }

    /// The calendar day of `instant` in office time.
    func localDay(of instant: Date) -> CivilDate {
        CivilDate.localDate(of: instant, offsetSeconds: officeHours.utcOffsetSeconds)
    }

    /// The first instant of `day` in office time.
    func startOf(_ day: CivilDate) -> Date {
        day.startOfDay(offsetSeconds: officeHours.utcOffsetSeconds)
    }

    /// `calendar.addWorkingDays(count, to: day)`, remembered; a count of 0 is the first
    /// working day on or after `day`.
    private func addWorkingDays(_ count: Int, to day: CivilDate) -> CivilDate {
        memo.value(for: DayCount(day: day.julianDay, count: count)) { calendar.addWorkingDays(count, to: day) }
    }

    private func endOf(_ day: CivilDate) -> Due {
        Due(date: day, instant: startOf(day.adding(days: 1)))
    }
}

import Foundation

/// The working-day calendar of Vietnamese state agencies, for counting deadlines.
///
/// A day is a working day unless it is a Saturday or Sunday, a holiday of `rules`, a
/// compensatory day for a holiday that fell on a weekend, or an override says otherwise.
///
/// Overrides are the official schedule and win over the computed rules, date by date. So
/// that an official break is not doubled by the computed compensation, a holiday whose
/// break holds a day-off override gets no computed compensatory day: the schedule has
/// already placed its days (see `YearSchedule.compensatoryDays`). Holidays outside the
/// breaks the schedule speaks of keep their computed compensation, so a year's notice
/// about Tết does not have to restate the law for Hùng Kings' Day.
///
/// Build one and share it: it computes each year's days off once and keeps them.
public struct WorkingCalendar: Sendable {
    /// The holidays, as rules.
    public let rules: [HolidayRule]
    /// The official schedule's dated exceptions.
    public let overrides: [CalendarOverride]
    /// The lunar calendar that places Tết and the other lunar holidays.
    public let lunar: LunarCalendar
    private let overridesByDay: [Int: CalendarOverride]
    private let years = LockedCache<Int, YearSchedule>()

    /// A calendar from holiday rules and dated overrides; of two overrides for one date, the later in the list wins.
    public init(
        rules: [HolidayRule] = .statutory, overrides: [CalendarOverride] = [], lunar: LunarCalendar = .vietnam
    ) {
        self.rules = rules
        self.overrides = overrides
        self.lunar = lunar
        overridesByDay = Dictionary(overrides.map { ($0.date.julianDay, $0) }, uniquingKeysWith: { $1 })
    }

    /// Whether state agencies work on `date`.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        schedule(of: date.year).isWorkingDay(date.julianDay)
    }

    /// `date` if it is a working day, otherwise the first working day after it.
    public func nextWorkingDay(onOrAfter date: CivilDate) -> CivilDate {
        var schedule = schedule(of: date.year)
        var jdn = date.julianDay
        while !isWorkingDay(jdn, in: &schedule) { jdn += 1 }
        return CivilDate(julianDay: jdn)
    }

    /// The n-th working day after `date` (which is not counted); n = 0 gives the first working
    /// day on or after `date`, a negative n counts backwards.
    public func addWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        guard n != 0 else { return nextWorkingDay(onOrAfter: date) }
        var schedule = schedule(of: date.year)
        var jdn = date.julianDay
        var remaining = abs(n)
        while remaining > 0 {
            jdn += n > 0 ? 1 : -1
            if isWorkingDay(jdn, in: &schedule) { remaining -= 1 }
        }
        return CivilDate(julianDay: jdn)
    }

    /// The number of working days after `from` up to and including `to`; negative if `to` is earlier.
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        guard from <= to else { return -workingDays(from: to, to: from) }
        var schedule = schedule(of: from.year)
        // The days after `from`, through `to`.
        return (from.julianDay + 1..<to.julianDay + 1).count { isWorkingDay($0, in: &schedule) }
    }

    /// The days off of `year` in date order: holidays, compensatory days and overrides, and,
    /// if asked, the ordinary weekends too.
    public func nonWorkingDays(in year: Int, includingWeekends: Bool = false) -> [NonWorkingDay] {
        let schedule = schedule(of: year)
        var days = Array(schedule.daysOff.values)
        if includingWeekends {
            for jdn in schedule.days
            where CivilDate.isWeekend(julianDay: jdn) && schedule.daysOff[jdn] == nil
                && !schedule.workedDays.contains(jdn)
            {
                let date = CivilDate(julianDay: jdn)
                days.append(
                    NonWorkingDay(date: date, kind: .weekend, reason: date.weekday == 6 ? "Thứ Bảy" : "Chủ nhật"))
            }
        }
        return days.sorted { $0.date < $1.date }
    }

    /// The Saturdays of `year` that the official schedule makes working days.
    public func workingSaturdays(in year: Int) -> [CivilDate] {
        schedule(of: year).workedDays.map(CivilDate.init(julianDay:)).filter { $0.weekday == 6 }.sorted()
    }

    /// Whether day `jdn` is a working day, reading it from `schedule` when it covers the day
    /// (a walk through the calendar fetches each year's schedule once).
    private func isWorkingDay(_ jdn: Int, in schedule: inout YearSchedule) -> Bool {
        if !schedule.days.contains(jdn) { schedule = self.schedule(of: CivilDate(julianDay: jdn).year) }
        return schedule.isWorkingDay(jdn)
    }

    private func schedule(of year: Int) -> YearSchedule {
        years.value(for: year) {
            YearSchedule(year: year, rules: rules, overrides: overridesByDay, lunar: lunar)
        }
    }
}

import Foundation

/// One civil year of the working calendar: its days off beyond ordinary weekends, and the
/// days the official schedule makes working days. Computed once per year and cached.
struct YearSchedule: Sendable {
    /// The year's days, as Julian Day Numbers.
    let days: ClosedRange<Int>
    /// Days off other than plain weekends, by Julian Day Number.
    let daysOff: [Int: NonWorkingDay]
    /// Days an override makes working days (make-up Saturdays, cancelled holidays).
    let workedDays: Set<Int>

    func isWorkingDay(_ jdn: Int) -> Bool {
        if workedDays.contains(jdn) { return true }
        return daysOff[jdn] == nil && !CivilDate.isWeekend(julianDay: jdn)
    }
}

extension YearSchedule {
    struct Holiday {
        let day: Int
        let rule: HolidayRule
    }

    /// `year`'s schedule: overrides first (they win per date), then the holidays, then the
    /// compensatory days.
    init(year: Int, rules: [HolidayRule], overrides: [Int: CalendarOverride], lunar: LunarCalendar) {
        // The neighbouring years count too: a break or a compensatory day can cross New Year.
        let holidays = (year - 1...year + 1).flatMap { y in
            rules.flatMap { rule in rule.dates(in: y, lunar: lunar).map { Holiday(day: $0.julianDay, rule: rule) } }
        }.sorted { $0.day < $1.day }

        var daysOff: [Int: NonWorkingDay] = [:]
        var worked: Set<Int> = []
        func add(_ jdn: Int, _ kind: NonWorkingDay.Kind, _ reason: String, _ reasonEn: String? = nil) {
            let date = CivilDate(julianDay: jdn)
            guard date.year == year, daysOff[jdn] == nil, !worked.contains(jdn) else { return }
            daysOff[jdn] = NonWorkingDay(date: date, kind: kind, reason: reason, reasonEn: reasonEn)
        }
        for (jdn, override) in overrides {
            switch override.kind {
            case .dayOff: add(jdn, .override, override.reason)
            case .workingDay: if CivilDate(julianDay: jdn).year == year { worked.insert(jdn) }
            }
        }
        for holiday in holidays { add(holiday.day, .holiday, holiday.rule.nameVi, holiday.rule.nameEn) }
        for (jdn, rule) in Self.compensatoryDays(for: holidays, overrides: overrides) {
            add(jdn, .compensatory, "Nghỉ bù \(rule.nameVi)", "In lieu of \(rule.nameEn)")
        }
        let days =
            CivilDate.julianDay(year: year, month: 1, day: 1)...CivilDate.julianDay(year: year, month: 12, day: 31)
        self.init(days: days, daysOff: daysOff, workedDays: worked)
    }

    /// The compensatory days (Labour Code 2019, Art. 111(3)): each holiday on a weekend gives the
    /// next weekday that is free — not a holiday, not already given, not fixed by an override.
    ///
    /// The official schedule replaces this computation where it speaks: no compensation is
    /// computed for a holiday that shares its break (the run of consecutive days off around
    /// it) with a day-off override, nor for a holiday an override turns into a working day.
    /// The Government's notice fixes a whole break, e.g. Tết 2025 was 25 Jan–2 Feb with 27 Jan
    /// added and no day given for Saturday 1 Feb; computing one too would double it up.
    static func compensatoryDays(for holidays: [Holiday], overrides: [Int: CalendarOverride]) -> [Int: HolidayRule] {
        let holidayDays = Set(holidays.map(\.day))
        func isOff(_ jdn: Int) -> Bool {
            if let override = overrides[jdn] { return override.kind == .dayOff }
            return holidayDays.contains(jdn) || CivilDate.isWeekend(julianDay: jdn)
        }
        func breakIsScheduledOfficially(_ jdn: Int) -> Bool {
            var day = jdn
            while isOff(day - 1) { day -= 1 }
            while isOff(day) {
                if overrides[day]?.kind == .dayOff { return true }
                day += 1
            }
            return false
        }

        var given: [Int: HolidayRule] = [:]
        for holiday in holidays
        where CivilDate.isWeekend(julianDay: holiday.day) && overrides[holiday.day] == nil
            && !breakIsScheduledOfficially(holiday.day)
        {
            var day = holiday.day + 1
            while CivilDate.isWeekend(julianDay: day) || holidayDays.contains(day) || given[day] != nil
                || overrides[day] != nil
            {
                day += 1
            }
            given[day] = holiday.rule
        }
        return given
    }
}

import LangNgheCore
import Testing

@Suite("Working calendar: properties")
struct WorkingCalendarPropertyTests {
    let calendar: WorkingCalendar
    /// Every start date from December 2024 to January 2027, across both official years.
    let starts = (0..<790).map { civil("2024-12-01").adding(days: $0) }

    init() throws {
        calendar = WorkingCalendar(overrides: try officialOverrides())
    }

    @Test func theResultIsAWorkingDayAndCountsBack() {
        for start in starts {
            for n in 1...30 {
                let due = calendar.addWorkingDays(n, to: start)
                #expect(calendar.isWorkingDay(due))
                #expect(calendar.workingDays(from: start, to: due) == n, "\(start) + \(n)")
                if calendar.isWorkingDay(start) {
                    #expect(calendar.addWorkingDays(-n, to: due) == start)
                }
            }
        }
    }

    @Test func monotonicInTheCountAndTheStart() {
        for (start, next) in zip(starts, starts.dropFirst()) {
            // n = 0 is "on or after", n = 1 "after": they meet when `start` is a day off.
            #expect(calendar.addWorkingDays(0, to: start) >= start)
            #expect(calendar.addWorkingDays(0, to: start) <= calendar.addWorkingDays(1, to: start))
            var previous = calendar.addWorkingDays(1, to: start)
            for n in 2...30 {
                let due = calendar.addWorkingDays(n, to: start)
                #expect(due > previous)
                #expect(due <= calendar.addWorkingDays(n, to: next))
                previous = due
            }
        }
    }

    @Test func countingIsAntisymmetric() {
        for start in starts.striding(by: 7) {
            let end = start.adding(days: 45)
            #expect(calendar.workingDays(from: start, to: end) == -calendar.workingDays(from: end, to: start))
        }
    }
}

extension Array {
    fileprivate func striding(by step: Int) -> [Element] {
        stride(from: 0, to: count, by: step).map { self[$0] }
    }
}

import Foundation
import LangNgheCore
import Testing

@Suite("Working calendar: receipt outside office hours")
struct ReceiptTests {
    let calendar: WorkingCalendar

    init() throws {
        calendar = WorkingCalendar(overrides: try officialOverrides())
    }

    @Test(
        "The day a petition counts as received",
        arguments: [
            ("2026-03-11T10:00:00+07:00", "2026-03-11"),  // Wednesday, in office hours
            ("2026-03-11T08:00:00+07:00", "2026-03-11"),  // at opening
            ("2026-03-11T16:59:59+07:00", "2026-03-11"),
            ("2026-03-11T17:00:00+07:00", "2026-03-12"),  // at closing: the next working day
            ("2026-03-11T23:30:00+07:00", "2026-03-12"),
            ("2026-03-11T07:00:00+07:00", "2026-03-11"),  // before opening: waits for that day's opening
            ("2026-03-11T10:30:00Z", "2026-03-12"),  // 17:30 in Vietnam
            ("2026-03-10T23:30:00Z", "2026-03-11"),  // 06:30 on the 11th in Vietnam
            ("2026-03-13T18:00:00+07:00", "2026-03-16"),  // Friday evening: Monday
            ("2026-03-14T10:00:00+07:00", "2026-03-16"),  // Saturday
            ("2026-02-13T17:30:00+07:00", "2026-02-23"),  // into the Tết break
            ("2026-08-21T18:00:00+07:00", "2026-08-22"),  // the worked Saturday
        ])
    func countingStart(received: String, counted: String) {
        #expect(calendar.countingStart(receivedAt: isoInstant(received)) == civil(counted))
    }

    @Test func theDayOfReceiptIsNotCounted() {
        // Received Wednesday 11 March in office hours: day 1 is Thursday 12 March.
        #expect(
            calendar.dueDate(receivedAt: isoInstant("2026-03-11T10:00:00+07:00"), workingDays: 1) == civil("2026-03-12")
        )
        // Received after closing: counted from Thursday, so day 1 is Friday.
        #expect(
            calendar.dueDate(receivedAt: isoInstant("2026-03-11T17:05:00+07:00"), workingDays: 1) == civil("2026-03-13")
        )
        // The rolling 20-day clock of a petition sent on the eve of Tết.
        #expect(
            calendar.dueDate(receivedAt: isoInstant("2026-02-13T20:00:00+07:00"), workingDays: 20)
                == civil("2026-03-23"))
    }

    @Test func officeHoursAreAParameter() {
        let early = OfficeHours(opening: 7 * 60 + 30, closing: 16 * 60 + 30)
        #expect(
            calendar.countingStart(receivedAt: isoInstant("2026-03-11T16:45:00+07:00"), officeHours: early)
                == civil("2026-03-12"))
        #expect(calendar.countingStart(receivedAt: isoInstant("2026-03-11T16:45:00+07:00")) == civil("2026-03-11"))
        // An office in UTC+8 closing at 17:00 local: 16:30 in Vietnam is 17:30 there.
        let beijing = OfficeHours(utcOffsetSeconds: 8 * 3600)
        #expect(
            calendar.countingStart(receivedAt: isoInstant("2026-03-11T16:30:00+07:00"), officeHours: beijing)
                == civil("2026-03-12"))
    }
}

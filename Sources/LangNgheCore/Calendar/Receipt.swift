import Foundation

/// The hours during which an agency receives petitions, in its local time.
public struct OfficeHours: Codable, Sendable, Hashable {
    /// Opening time, in minutes after local midnight. Shown to citizens; it does not move the
    /// count, since a petition sent before opening is waiting when the office opens that day.
    public var opening: Int
    /// Closing time, in minutes after local midnight; a petition arriving at closing time is late.
    public var closing: Int
    /// The local time zone, in seconds east of UTC.
    public var utcOffsetSeconds: Int

    /// Office hours; by default 08:00–17:00 in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
    public init(opening: Int = 8 * 60, closing: Int = 17 * 60, utcOffsetSeconds: Int = 7 * 3600) {
        self.opening = opening
        self.closing = closing
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// 08:00–17:00, UTC+7.
    public static let standard = OfficeHours()
}

extension WorkingCalendar {
    /// The working day a petition received at `receivedAt` counts as received on.
    ///
    /// A petition is received when the office is next open: during office hours of a working
    /// day, that day; before opening, that day's opening, so that day; after closing or on a
    /// day off, the next working day. Deadlines then start after this day, which is not counted.
    public func countingStart(receivedAt: Date, officeHours: OfficeHours = .standard) -> CivilDate {
        let day = CivilDate.localDate(of: receivedAt, offsetSeconds: officeHours.utcOffsetSeconds)
        let secondsIntoDay = receivedAt.timeIntervalSince(day.startOfDay(offsetSeconds: officeHours.utcOffsetSeconds))
        let afterClosing = secondsIntoDay >= Double(officeHours.closing * 60)
        return nextWorkingDay(onOrAfter: afterClosing ? day.adding(days: 1) : day)
    }

    /// The last day for a deadline of `workingDays` working days on a petition received at `receivedAt`.
    public func dueDate(receivedAt: Date, workingDays: Int, officeHours: OfficeHours = .standard) -> CivilDate {
        addWorkingDays(workingDays, to: countingStart(receivedAt: receivedAt, officeHours: officeHours))
    }
}

import Foundation

/// One day the official schedule sets apart from the computed calendar: an extra day off, or
/// a day worked (a make-up Saturday), with the document that decided it.
///
/// Every year the Government fixes the exact Tết days and swaps working days; an
/// administrator enters them as overrides. How they combine with the computed rules is
/// described on `WorkingCalendar`.
public struct CalendarOverride: Codable, Sendable, Hashable {
    /// What the day becomes.
    public enum Kind: String, Codable, Sendable, Hashable {
        case dayOff
        case workingDay
    }

    public var date: CivilDate
    public var kind: Kind
    /// Why, in words a citizen reads (e.g. "Nghỉ Tết Nguyên đán Bính Ngọ").
    public var reason: String
    /// The document that decided it (e.g. "Công văn 9859/VPCP-KGVX ngày 13/10/2025").
    public var legalBasis: String

    /// An override of one day.
    public init(date: CivilDate, kind: Kind, reason: String, legalBasis: String) {
        self.date = date
        self.kind = kind
        self.reason = reason
        self.legalBasis = legalBasis
    }
}

/// A day that is not a working day, and why.
public struct NonWorkingDay: Codable, Sendable, Hashable {
    /// Where the day off comes from.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// An ordinary Saturday or Sunday.
        case weekend
        /// A statutory holiday.
        case holiday
        /// The working day given in place of a holiday that fell on a weekend.
        case compensatory
        /// A day off set by the official schedule.
        case override
    }

    public let date: CivilDate
    public let kind: Kind
    /// The holiday's or the override's name, in Vietnamese.
    public let reason: String
    /// The holiday's name in English; nil for an override, which the official schedule names
    /// in Vietnamese only.
    public let reasonEn: String?

    /// A day off of the given kind.
    public init(date: CivilDate, kind: Kind, reason: String, reasonEn: String? = nil) {
        self.date = date
        self.kind = kind
        self.reason = reason
        self.reasonEn = reasonEn
    }
}

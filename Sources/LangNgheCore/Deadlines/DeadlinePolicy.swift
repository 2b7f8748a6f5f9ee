/// A deadline the law (or the system's own rules) sets on a petition, kept as data so that an
/// administrator can follow a new decree without a new release (DOMAIN.md §2).
///
/// A policy is a clock driven by the petition's events. `DeadlineEngine` reads each event once,
/// in log order, and applies the policy's lists in this order: `cancel`, `stop`, `pause`,
/// `resume`, `start`. So an event that is both in `stop` and in `start` meets the running clock
/// and starts the next one: that is how a duty that recurs (a progress update every 7 days) is
/// written.
public struct DeadlinePolicy: Codable, Sendable, Hashable {
    /// What `length` counts.
    public enum Unit: String, Codable, Sendable, Hashable {
        /// Working days of the `WorkingCalendar`; the starting day is not counted.
        case workingDays
        /// Calendar days; the starting day is not counted, and a period ending on a day off
        /// ends on the next working day (Civil Code 2015, Art. 147–148).
        case calendarDays
        /// Hours of real time, from the instant of the starting event.
        case hours
    }

    /// Stable identifier, referred to by `whileOverdue` and stored with reports.
    public var code: String
    public var nameVi: String
    public var nameEn: String
    /// The document that sets the rule, as a citizen would cite it.
    public var legalBasis: String
    public var length: Int
    public var unit: Unit
    /// Events that start the clock, or restart it from their date if it is already running
    /// (a policy counted per agency opens a new clock for each instead).
    public var start: [EventType]
    /// Events that meet the deadline and end the clock.
    public var stop: [EventType]
    /// Events that hold the clock while the case waits for someone outside the administration.
    ///
    /// When the clock runs again, its due date moves by the time it was held, in its unit: the
    /// days after the day the pause began (and after the day the count starts from), up to and
    /// including the day the resuming event counts from, which is the next working day if it
    /// comes when the office is closed. Information asked for on Monday and given on Wednesday
    /// morning moves a working-day deadline by two days. A pause that begins after the due date
    /// moves nothing: the delay is already there. While held the deadline is `paused`, with
    /// the due date it would have if the clock ran again that day.
    public var pause: [EventType]
    /// Events that let a held clock run again.
    public var resume: [EventType]
    /// Events after which the deadline no longer applies (the case is refused, merged, closed).
    public var cancel: [EventType]
    /// Whether only public events drive the clock: a progress note kept internal is not the
    /// published status information that the 20-day rule asks for.
    public var publicEventsOnly: Bool
    /// Whether clocks are counted per agency, e.g. one per request for coordination. Each start
    /// event then opens a new clock, for the agency it asks, and each stop
    /// event meets the oldest open clock of the agency that records it (`agencyCode`); pause,
    /// resume and cancel concern the petition, so they act on every clock.
    public var perAgency: Bool
    /// The code of another policy whose lateness this one watches: its clock runs only while
    /// that deadline is overdue. It starts on that deadline's due date (not counted), and ends,
    /// cancelled, when that deadline is no longer overdue, unless the same event meets it.
    public var whileOverdue: String?
    /// The petitions the policy concerns.
    public var appliesTo: Scope

    /// A policy; by default it applies to every petition and counts every event.
    public init(
        code: String, nameVi: String, nameEn: String, legalBasis: String, length: Int, unit: Unit,
        start: [EventType], stop: [EventType], pause: [EventType] = [], resume: [EventType] = [],
        cancel: [EventType] = [], publicEventsOnly: Bool = false, perAgency: Bool = false,
        whileOverdue: String? = nil, appliesTo: Scope = .all
    ) {
        self.code = code
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.legalBasis = legalBasis
        self.length = length
        self.unit = unit
        self.start = start
        self.stop = stop
        self.pause = pause
        self.resume = resume
        self.cancel = cancel
        self.publicEventsOnly = publicEventsOnly
        self.perAgency = perAgency
        self.whileOverdue = whileOverdue
        self.appliesTo = appliesTo
    }

    /// The name in `language`.
    public func name(_ language: Language) -> String { language == .vi ? nameVi : nameEn }
}

extension DeadlinePolicy {
    /// The petitions a policy concerns: some fields, some categories, or all.
    public struct Scope: Codable, Sendable, Hashable {
        /// Field (lĩnh vực) codes; nil for every field.
        public var fields: [String]?
        /// Categories; nil for every category.
        public var categories: [PetitionCategory]?

        /// Every petition.
        public static let all = Scope()

        public init(fields: [String]? = nil, categories: [PetitionCategory]? = nil) {
            self.fields = fields
            self.categories = categories
        }

        /// Whether a petition of this field (nil if it has none) and category is in scope.
        public func contains(field: String?, category: PetitionCategory) -> Bool {
            if let fields, !fields.contains(where: { $0 == field }) { return false }
            if let categories, !categories.contains(category) { return false }
            return true
        }
    }
}

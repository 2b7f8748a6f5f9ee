/// A case still open at the end of a period, as it stood then: the lead agency that had it, its
/// answer deadline read on that day, and how often its clock had been restarted. What the
/// report counts as open, lists as overdue or prolonged, and gives as naming evidence.
///
/// It depends only on the case's events up to that day, so once computed it can be kept: the
/// cases open at a quarter's end are computed once and read by every later report (`Store`'s
/// period ends), which is what keeps a report at a million petitions within seconds.
public struct CaseAtEnd: Sendable, Hashable {
    public let petitionID: Int
    public let trackingCode: String
    /// The lead agency then; VPCP for a case not yet routed.
    public let agency: String
    /// The answer's due date then ("" when no answer clock ran).
    public let dueDate: String
    /// Working days past the due date on the last day (0 when not late).
    public let workingDaysLate: Int
    public let restarts: Int
    /// Whether the answer deadline had passed on the last day.
    public let overdue: Bool

    public init(petitionID: Int, trackingCode: String, agency: String, dueDate: String, workingDaysLate: Int, restarts: Int, overdue: Bool)
    {
        self.petitionID = petitionID
        self.trackingCode = trackingCode
        self.agency = agency
        self.dueDate = dueDate
        self.workingDaysLate = workingDaysLate
        self.restarts = restarts
        self.overdue = overdue
    }

    /// The case on the evening of `end` (its events after that day ignored), or nil when it was
    /// not open then: answered, refused, closed, or not yet received.
    public init?(_ c: ReportCase, on end: CivilDate, engine: DeadlineEngine) {
        let offset = engine.officeHours.utcOffsetSeconds
        let events = Array(c.events.prefix { CivilDate.localDate(of: $0.at, offsetSeconds: offset) <= end })
        guard !events.isEmpty else { return nil }
        let state = CaseState(events: events)
        // Open: still waiting for the administration, an answer not yet given.
        guard state.status.isOpen, state.status != .answered else { return nil }
        let deadline = engine.answerDeadline(for: events, fieldCode: c.fieldCode, category: c.category, today: end)
        self.init(
            petitionID: c.id, trackingCode: c.trackingCode.description, agency: state.leadAgency ?? Agency.governmentOfficeCode,
            dueDate: deadline?.dueDate.iso ?? "",
            workingDaysLate: deadline.map { max(0, -$0.workingDaysLeft(today: end, calendar: engine.calendar)) } ?? 0,
            restarts: state.clockRestarts, overdue: deadline?.isOverdue(today: end) ?? false)
    }

    /// Restarted often enough, without an answer, to be named for it.
    public var isProlonged: Bool { restarts >= NamingReason.prolongedRestarts }

    var lateCase: PeriodReport.LateCase {
        PeriodReport.LateCase(
            trackingCode: trackingCode, agency: agency, dueDate: dueDate, workingDaysLate: workingDaysLate, restarts: restarts)
    }
}

extension ReportBuilder {
    /// Counts a case open at the period's end (if the report covers its lead agency).
    public mutating func add(_ end: CaseAtEnd) {
        if let code = agency, end.agency != code { return }
        openAtEnd += 1
        if end.overdue {
            overdue.append(end.lateCase)
            evidence.append(.init(reason: .overdueCases, agencyCode: end.agency, petitionID: end.petitionID, current: true))
            codes[end.petitionID] = end.trackingCode
        }
        if end.isProlonged {
            prolonged.append(end.lateCase)
            evidence.append(.init(reason: .prolongedCases, agencyCode: end.agency, petitionID: end.petitionID, current: false))
            codes[end.petitionID] = end.trackingCode
        }
    }

    /// The statistics facts of the period and of the previous one, summed (what the rollups
    /// hold): instead of adding each case's facts.
    public mutating func addSums(current: [Rollup.Count], previous: [Rollup.Count]) {
        for count in current { self.current[count.withCount(0), default: 0] += count.count }
        for count in previous { self.previous[count.withCount(0), default: 0] += count.count }
    }

    /// The cases behind the period's facts that name agencies, with their tracking codes.
    public mutating func addEvidence(_ found: [Statistics.Evidence], codes: [Int: String]) {
        evidence += found
        self.codes.merge(codes) { a, _ in a }
    }

    /// The period's receipts counted elsewhere: `counts` under the keys of the received table
    /// ("total", "channel:web", "agency:BTC"…), and the previous period's total.
    public mutating func addReceipts(_ counts: [String: Int], previousTotal: Int) {
        received.counts.merge(counts, uniquingKeysWith: +)
        previousReceived += previousTotal
    }
}

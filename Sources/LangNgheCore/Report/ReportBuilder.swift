/// Computes a `PeriodReport` from the cases, one at a time, so that memory stays bounded by the
/// figures rather than by the cases: what each case adds is summed (its statistics facts, the
/// same ones the dashboard counts) or, for the few listed cases, kept by tracking code.
///
/// A case is read as it stood at the end of the period (its events after that day ignored) for
/// everything "at the end": open, overdue, prolonged. The figures of the period are its facts
/// whose day falls in it; the previous period's, for the changes, likewise.
public struct ReportBuilder: Sendable {
    public let period: ReportPeriod
    public let agency: String?
    let engine: DeadlineEngine
    let criteria: RankingCriteria

    /// Statistics facts summed per period (`Rollup.Count` with count 0 as the key).
    var current: [Rollup.Count: Int] = [:]
    var previous: [Rollup.Count: Int] = [:]
    var evidence: [Statistics.Evidence] = []
    /// Tracking codes by petition number, for the cases behind naming evidence.
    var codes: [Int: String] = [:]
    var received = Tally()
    var previousReceived = 0
    var outcomes = Tally()
    var openAtEnd = 0
    var overdue: [PeriodReport.LateCase] = []
    var prolonged: [PeriodReport.LateCase] = []
    var escalations: [PeriodReport.Escalation] = []
    var useful: [PeriodReport.UsefulPetition] = []
    var followUpCases = 0
    var repeatedEscalations = 0

    public init(period: ReportPeriod, agency: String?, engine: DeadlineEngine, criteria: RankingCriteria = .standard) {
        self.period = period
        self.agency = agency
        self.engine = engine
        self.criteria = criteria
    }

    /// Adds what `other` read: builders of the same report over parts of the cases, merged,
    /// give what one builder over all of them gives (every list is sorted when finished).
    public mutating func merge(_ other: ReportBuilder) {
        current.merge(other.current, uniquingKeysWith: +)
        previous.merge(other.previous, uniquingKeysWith: +)
        evidence += other.evidence
        codes.merge(other.codes) { a, _ in a }
        received.counts.merge(other.received.counts, uniquingKeysWith: +)
        previousReceived += other.previousReceived
        outcomes.counts.merge(other.outcomes.counts, uniquingKeysWith: +)
        openAtEnd += other.openAtEnd
        overdue += other.overdue
        prolonged += other.prolonged
        escalations += other.escalations
        useful += other.useful
        followUpCases += other.followUpCases
        repeatedEscalations += other.repeatedEscalations
    }

    /// Counts under keys, for the breakdowns.
    struct Tally {
        var counts: [String: Int] = [:]
        mutating func add(_ key: String, _ n: Int = 1) { counts[key, default: 0] += n }
        subscript(key: String) -> Int { counts[key] ?? 0 }
        func rows(prefix: String) -> [PeriodReport.Count] {
            counts.filter { $0.key.hasPrefix(prefix) }.map {
                PeriodReport.Count(key: String($0.key.dropFirst(prefix.count)), count: $0.value)
            }
            .sorted { $0.key < $1.key }
        }
    }

    private func day(_ event: PetitionEvent) -> CivilDate {
        CivilDate.localDate(of: event.at, offsetSeconds: engine.officeHours.utcOffsetSeconds)
    }

    /// Adds one case. Its events must already be cut at the tree head.
    public mutating func add(_ c: ReportCase) {
        guard let first = c.events.first, day(first) <= period.to else { return }
        let facts = Self.facts(of: c, engine: engine)
        let previousDays = period.previous.days
        for fact in facts {
            if period.days.contains(fact.day) {
                current[Rollup.key(of: fact), default: 0] += 1
                if let reason = Rollup.namingReason(of: fact.measure) {
                    evidence.append(.init(reason: reason, agencyCode: fact.agencyCode, petitionID: c.id, current: false))
                    codes[c.id] = c.trackingCode.description
                }
            } else if previousDays.contains(fact.day) {
                previous[Rollup.key(of: fact), default: 0] += 1
            }
        }
        guard concerns(c, facts: facts) else { return }
        addReceipt(c, facts: facts)
        if let end = CaseAtEnd(c, on: period.to, engine: engine) { add(end) }
        addSteps(c)
    }

    /// Adds what a case did in the period's steps alone (merges, escalations, decisions,
    /// follow-ups, petitions marked useful): the figures from sums take the rest.
    public mutating func addSteps(of c: ReportCase) {
        guard let first = c.events.first, day(first) <= period.to else { return }
        // The facts (which read the deadlines) only when the events do not settle it.
        guard concerns(c, facts: []) || concerns(c, facts: Self.facts(of: c, engine: engine)) else { return }
        addSteps(c)
    }

    private static func facts(of c: ReportCase, engine: DeadlineEngine) -> [StatisticsFact] {
        StatisticsFact.facts(of: c.events, category: c.category, fieldCode: c.fieldCode, engine: engine)
    }

    /// Whether an agency's report counts the case: one of its facts or events up to the
    /// period's end names the agency (what happened after the period never changes it).
    private func concerns(_ c: ReportCase, facts: [StatisticsFact]) -> Bool {
        guard let code = agency else { return true }
        return c.events.contains { day($0) <= period.to && $0.agencyCode == code }
            || facts.contains { $0.day <= period.to && $0.agencyCode == code }
    }

    /// Received: everything submitted (the whole system), or what the agency was given as lead.
    private mutating func addReceipt(_ c: ReportCase, facts: [StatisticsFact]) {
        // Given to a lead agency in the period, whenever the case arrived.
        for fact in facts where fact.measure == .received && period.days.contains(fact.day) && (agency == nil || fact.agencyCode == agency)
        {
            received.add("agency:" + fact.agencyCode)
        }
        let measure: StatisticsFact.Measure = agency == nil ? .submitted : .received
        let receipts = facts.filter { $0.measure == measure && (agency == nil || $0.agencyCode == agency) }
        if receipts.contains(where: { period.previous.days.contains($0.day) }) { previousReceived += 1 }
        guard receipts.contains(where: { period.days.contains($0.day) }) else { return }
        received.add("total")
        received.add("channel:" + c.channel.rawValue)
        received.add("category:" + c.category.rawValue)
        received.add("field:" + (c.fieldCode ?? "-"))
        received.add("sender:" + c.senderKind.rawValue)
    }

    /// The steps of the period that the report lists or counts by event: merges, escalations
    /// and decisions, follow-ups, petitions marked useful.
    private mutating func addSteps(_ c: ReportCase) {
        let code = c.trackingCode.description
        var state = CaseState(events: [])
        var followedUp = false
        // This case's escalations, each with the decision that followed it.
        var mine: [PeriodReport.Escalation] = []
        for event in c.events {
            let on = day(event)
            let inPeriod = period.days.contains(on)
            let lead = state.leadAgency
            switch event.body {
            case is Merged where inPeriod: outcomes.add("merged")
            case let escalated as Escalated where on <= period.to:
                if inPeriod {
                    outcomes.add("escalated")
                    if escalated.reason == .repeatedComplaint { repeatedEscalations += 1 }
                }
                mine.append(
                    PeriodReport.Escalation(
                        trackingCode: code, on: on.iso, reason: escalated.reason.rawValue, agency: lead,
                        proposalNumber: escalated.proposalNumber, proposal: escalated.summary, positions: escalated.positions,
                        decision: nil))
            case let decided as Decided where on <= period.to:
                if inPeriod { outcomes.add("decided") }
                if let i = mine.lastIndex(where: { $0.decision == nil }) {
                    mine[i].decision = PeriodReport.Decision(
                        on: on.iso, outcome: decided.outcome.rawValue, documentNumber: decided.documentNumber,
                        leadAgency: decided.leadAgency, text: decided.decision)
                }
            case is FollowedUp where inPeriod: followedUp = true
            case let marked as MarkedUseful where inPeriod:
                useful.append(
                    PeriodReport.UsefulPetition(trackingCode: code, on: on.iso, agency: lead ?? event.agencyCode, result: marked.result))
            default: break
            }
            event.body.apply(to: &state, event)
        }
        if followedUp { followUpCases += 1 }
        // An escalation listed is one made in the period, or one decided in it.
        let from = period.from.iso
        let to = period.to.iso
        escalations += mine.filter { row in (from...to).contains(row.on) || row.decision.map { (from...to).contains($0.on) } ?? false }
    }

}

/// The figures of one agency, or of all agencies, over a period: the sums of the facts of its
/// days (`StatisticsFact`), and for the current period the cases late now.
///
/// Each fact counts for the agency whose doing it is: an answer for the agency that answered,
/// a return for the agency that returned the case, a reassignment for the agency the case was
/// taken from, a coordination request for the agency asked.
public struct AgencyStatistics: Sendable, Hashable {
    /// The agency; nil for the figures of all agencies together.
    public let agencyCode: String?
    /// Petitions received: submitted to the system (all agencies), or given to the agency as lead.
    public internal(set) var received = 0
    /// First answers published in the period, and of those, on time and late.
    public internal(set) var answered = 0
    public internal(set) var answeredOnTime = 0
    public internal(set) var answeredLate = 0
    /// Working days from receipt to the first answer: how many answers took each number.
    public internal(set) var answerDays: [Int: Int] = [:]
    /// Cases overdue now; only for a period that includes today (a past period's figures are
    /// what they were).
    public internal(set) var overdueNow = 0
    /// Returns made, and of those, the ones the Government Office overruled.
    public internal(set) var returns = 0
    public internal(set) var overruledReturns = 0
    /// Cases taken from the agency by a new assignment.
    public internal(set) var reassignments = 0
    public internal(set) var escalations = 0
    /// Ratings given, by value 1 to 5.
    public internal(set) var ratings: [Int: Int] = [:]
    /// Coordination requests answered after their deadline, or unanswered and late now.
    public internal(set) var unansweredCoordination = 0
    /// Cases followed up after their answer (never a ground for naming).
    public internal(set) var followUps = 0
    /// Real progress updates that restarted the answer clock.
    public internal(set) var restarts = 0
    /// Refusals by reason (VPCP's).
    public internal(set) var refusals: [String: Int] = [:]
    /// The cases behind each naming reason, by petition number, in the order they were registered.
    public internal(set) var evidence: [NamingReason: [Int]] = [:]
    /// The same, as sets: noting a case is a lookup, not a pass over the list.
    private var noted: [NamingReason: Set<Int>] = [:]

    public init(agencyCode: String?) {
        self.agencyCode = agencyCode
    }

    /// Adds `count` facts of `measure`.
    mutating func add(_ measure: StatisticsFact.Measure, detail: String, count: Int) {
        switch measure {
        // Everything arrives at the Government Office: its received is every submission.
        case .submitted: if agencyCode == nil || agencyCode == Agency.governmentOfficeCode { received += count }
        case .received: if agencyCode != nil { received += count }
        case .answered: answered += count
        case .answeredOnTime: answeredOnTime += count
        case .answeredLate: answeredLate += count
        case .answerDays: if let days = Int(detail) { answerDays[days, default: 0] += count }
        case .rating: if let value = Int(detail), (1...5).contains(value) { ratings[value, default: 0] += count }
        case .escalated: escalations += count
        case .refused: refusals[detail, default: 0] += count
        case .returned: returns += count
        case .overruledReturn: overruledReturns += count
        case .reassigned: reassignments += count
        case .followedUp: followUps += count
        case .restarted: restarts += count
        case .coordinationRequested: break
        case .coordinationRepliedLate: unansweredCoordination += count
        }
    }

    /// Adds the cases behind a naming reason; those late now (`current`) count in the figures
    /// too, since no fact of the period holds them.
    mutating func note(_ reason: NamingReason, _ petitionID: Int, current: Bool) {
        // Each case once per reason: naming counts cases, not events.
        guard noted[reason, default: []].insert(petitionID).inserted else { return }
        evidence[reason, default: []].append(petitionID)
        if current { addCurrent(reason, 1) }
    }

    /// Cases late now for a reason, counted without their codes.
    mutating func addCurrent(_ reason: NamingReason, _ count: Int) {
        switch reason {
        case .overdueCases: overdueNow += count
        case .unansweredCoordination: unansweredCoordination += count
        case .lateAnswers, .overruledReturns, .prolongedCases: break
        }
    }

    public var ratingCount: Int { ratings.values.reduce(0, +) }
    public var meanWorkingDaysToAnswer: Double? { Self.mean(answerDays) }
    public var medianWorkingDaysToAnswer: Double? { Self.quantile(answerDays, 0.5) }
    /// 90 % of first answers came within this many working days.
    public var p90WorkingDaysToAnswer: Double? { Self.quantile(answerDays, 0.9) }
    public var meanSatisfaction: Double? { Self.mean(ratings) }
    /// Answered on time out of answered, with its 95 % interval.
    public var onTime: WilsonInterval { WilsonInterval(successes: answeredOnTime, trials: answered) }

    static func mean(_ histogram: [Int: Int]) -> Double? {
        let count = histogram.values.reduce(0, +)
        guard count > 0 else { return nil }
        return Double(histogram.reduce(0) { $0 + $1.key * $1.value }) / Double(count)
    }

    /// The value below which a share `q` of the values lie; the median (q = 0.5) of an even
    /// count is the mean of the two middle values.
    static func quantile(_ histogram: [Int: Int], _ q: Double) -> Double? {
        let count = histogram.values.reduce(0, +)
        guard count > 0 else { return nil }
        func value(at rank: Int) -> Int {
            var seen = 0
            for key in histogram.keys.sorted() {
                seen += histogram[key]!
                if seen > rank { return key }
            }
            return histogram.keys.max()!
        }
        if q == 0.5 && count.isMultiple(of: 2) { return Double(value(at: count / 2 - 1) + value(at: count / 2)) / 2 }
        return Double(value(at: min(count - 1, Int((Double(count) * q).rounded(.up)) - 1)))
    }
}

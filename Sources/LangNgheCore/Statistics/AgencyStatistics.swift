/// The figures of one agency, or of all agencies, over the cases of a period.
///
/// Each case counts for the agency it belongs to (`CaseFacts.agencyCode`), except three things
/// that are another agency's doing: a return counts for the agency that returned the case, a
/// reassignment for the agency the case was taken from, a coordination request for the agency
/// asked.
public struct AgencyStatistics: Sendable, Hashable {
    /// The agency; nil for the figures of all agencies together.
    public let agencyCode: String?
    /// Petitions received.
    public private(set) var received = 0
    /// Of those, answered (by the day the facts were read).
    public private(set) var answered = 0
    /// Of those answered, answered within their deadline.
    public private(set) var answeredOnTime = 0
    /// Of those received, overdue now.
    public private(set) var overdueNow = 0
    /// Working days from receipt to the first answer, one per answered case, in case order.
    public private(set) var workingDaysToAnswer: [Int] = []
    /// Returns made, and of those, the ones the Government Office overruled.
    public private(set) var returns = 0
    public private(set) var overruledReturns = 0
    /// Cases taken from the agency by a new assignment.
    public private(set) var reassignments = 0
    public private(set) var escalations = 0
    /// Every satisfaction rating given, 1 to 5.
    public private(set) var ratings: [Int] = []
    /// Coordination requests left unanswered past their deadline.
    public private(set) var unansweredCoordination = 0
    /// Cases followed up after their answer.
    public private(set) var followUps = 0
    /// The tracking codes behind each naming reason, each case once, in case order.
    public private(set) var evidence: [NamingReason: [String]] = [:]

    init(agencyCode: String?) {
        self.agencyCode = agencyCode
    }

    public var meanWorkingDaysToAnswer: Double? { Self.mean(workingDaysToAnswer) }
    public var medianWorkingDaysToAnswer: Double? { Self.median(workingDaysToAnswer) }
    public var meanSatisfaction: Double? { Self.mean(ratings) }
    /// Answered on time out of answered, with its 95 % interval.
    public var onTime: WilsonInterval { WilsonInterval(successes: answeredOnTime, trials: answered) }

    /// Adds what `facts` says about this agency (about every agency, for the overall figures).
    mutating func count(_ facts: CaseFacts) {
        if concerns(facts.agencyCode) {
            received += 1
            if let days = facts.workingDaysToAnswer {
                answered += 1
                workingDaysToAnswer.append(days)
            }
            if facts.answeredOnTime == true { answeredOnTime += 1 }
            if facts.answeredOnTime == false { note(.lateAnswers, facts) }
            if facts.isOverdue {
                overdueNow += 1
                note(.overdueCases, facts)
            }
            if facts.isEscalated { escalations += 1 }
            ratings += facts.ratings
            // Counted, never a ground for naming: a citizen who keeps writing is not the agency dodging.
            if facts.followedUpAfterAnswer { followUps += 1 }
        }
        for made in facts.returns where concerns(made.agencyCode) {
            returns += 1
            if made.isOverruled {
                overruledReturns += 1
                note(.overruledReturns, facts)
            }
        }
        reassignments += facts.reassignments.count { $0.from.map(concerns) ?? (agencyCode == nil) }
        for request in facts.coordinationRequests where request.isOverdue && concerns(request.agencyCode) {
            unansweredCoordination += 1
            note(.unansweredCoordination, facts)
        }
    }

    private func concerns(_ code: String) -> Bool { agencyCode == nil || agencyCode == code }

    private mutating func note(_ reason: NamingReason, _ facts: CaseFacts) {
        // A case is counted in one go, so a case already noted is the last one.
        if evidence[reason]?.last == facts.trackingCode { return }
        evidence[reason, default: []].append(facts.trackingCode)
    }

    static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// The middle value; for an even count, the mean of the two middle values.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? Double(sorted[middle - 1] + sorted[middle]) / 2 : Double(sorted[middle])
    }
}

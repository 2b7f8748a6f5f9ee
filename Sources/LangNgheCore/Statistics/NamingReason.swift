/// What an agency may be named for publicly (DOMAIN.md §1.6: agencies that dodge, fail to
/// cooperate, delay or do not implement). Each reason is a published criterion, and its
/// evidence is the list of cases that meet it.
public enum NamingReason: String, Sendable, Codable, CaseIterable {
    /// Cases whose answer deadline is overdue now: delay.
    case overdueCases
    /// Cases answered after their deadline: delay.
    case lateAnswers
    /// Cases the agency returned as not competent and the Government Office sent back to it:
    /// dodging.
    case overruledReturns
    /// Coordination requests the agency left unanswered past their deadline: not cooperating.
    /// They count against the agency asked, never the lead that asked.
    case unansweredCoordination
    /// Cases whose answer clock the agency restarted twice or more with progress updates and
    /// still has not answered: prolonged (*kéo dài*). Each restart is on the case's public timeline.
    case prolongedCases

    /// Restarts of the answer clock without an answer that make a case prolonged.
    public static let prolongedRestarts = 2
}

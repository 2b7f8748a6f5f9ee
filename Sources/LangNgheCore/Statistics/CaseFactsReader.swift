import Foundation

/// Reads a case's events in log order for `CaseFacts`: who had the case, who gave it back,
/// who was asked for help, what the submitter did after the answer.
struct CaseFactsReader {
    /// A coordination request while the log is read.
    struct Request {
        let agencyCode: String
        let at: Date
        var isAnswered = false
        /// Ended by a return or a new assignment, as `CaseState` and the coordination deadline end it.
        var isWithdrawn = false
        var isOpen: Bool { !isAnswered && !isWithdrawn }
    }

    /// The lead agency now, as `CaseState` folds it: set by an assignment or a decision naming
    /// one, cleared by a return.
    private var lead: String?
    /// The last lead agency, kept across a return: where a reassignment takes the case from.
    private var lastLead: String?
    private var leadAtAnswer: String?
    private var assignments = 0
    private(set) var firstAnswer: PetitionEvent?
    private(set) var returns: [CaseFacts.Return] = []
    private(set) var reassignments: [CaseFacts.Reassignment] = []
    private(set) var coordination: [Request] = []
    private(set) var isEscalated = false
    private(set) var ratings: [Int] = []
    private(set) var followedUpAfterAnswer = false

    /// The agency the case counts for: the lead at the first answer, or the lead now.
    var agencyCode: String? { firstAnswer == nil ? lead : leadAtAnswer }

    mutating func read(_ event: PetitionEvent) {
        switch event.type {
        case .assigned:
            let to = Self.code(event.body(Assigned.self)?.leadAgency)
            assignments += 1
            if let to {
                if assignments > 1 { reassignments.append(.init(from: lead ?? lastLead, to: to)) }
                overruleReturns(by: to)
                lastLead = to
            }
            lead = to
            withdrawCoordination()
        case .returned:
            if let agency = lead ?? event.agencyCode { returns.append(.init(agencyCode: agency, isOverruled: false)) }
            lead = nil
            withdrawCoordination()
        case .decided:
            if let named = Self.code(event.body(Decided.self)?.leadAgency) {
                lead = named
                lastLead = named
            }
        case .coordinationRequested:
            if let agency = Self.code(event.body(CoordinationRequested.self)?.agency) { coordination.append(Request(agencyCode: agency, at: event.at)) }
        case .coordinationReplied:
            // The replier's oldest open request is the one answered, as the deadline engine meets it.
            if let i = coordination.firstIndex(where: { $0.isOpen && $0.agencyCode == event.agencyCode }) {
                coordination[i].isAnswered = true
            }
        case .answerPublished:
            if firstAnswer == nil {
                firstAnswer = event
                leadAtAnswer = lead
            }
        case .followedUp:
            if firstAnswer != nil { followedUpAfterAnswer = true }
        case .rated:
            if let rating = event.body(Rated.self)?.satisfaction, (1...5).contains(rating) {
                ratings.append(rating)
            }
        case .escalated:
            isEscalated = true
        case .submitted, .rejected, .infoRequested, .infoProvided, .acknowledged, .progressUpdated,
            .answerDrafted, .answerApproved, .merged, .closed, .noteAdded, .observerInvited, .redacted, .markedUseful:
            break
        }
    }

    /// The Office sent the case back to an agency that had returned it: those returns were wrong.
    private mutating func overruleReturns(by agency: String) {
        for i in returns.indices where returns[i].agencyCode == agency {
            returns[i] = .init(agencyCode: agency, isOverruled: true)
        }
    }

    private mutating func withdrawCoordination() {
        for i in coordination.indices where coordination[i].isOpen { coordination[i].isWithdrawn = true }
    }

    private static func code(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

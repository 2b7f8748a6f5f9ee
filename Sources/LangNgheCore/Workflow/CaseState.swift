/// What the workflow needs to know about a case, folded from its events: nothing here is
/// stored, so it cannot drift from the log.
public struct CaseState: Sendable, Hashable {
    public private(set) var status = PetitionStatus.received
    /// The agency handling the case now (nil before routing and after a return).
    public private(set) var leadAgency: String?
    /// The agencies asked to help: named at assignment or asked for coordination since.
    public private(set) var coordinatingAgencies: [String] = []
    /// Coordination requests not yet answered, per agency asked.
    public private(set) var openCoordination: [String: Int] = [:]
    /// The latest draft answer, until it is published.
    public private(set) var draft: String?
    public private(set) var draftApproved = false
    /// The staff account that drafted the pending answer: it may not approve it (four eyes).
    public private(set) var draftAuthor: Int64?
    /// How many answers have been published.
    public private(set) var answersPublished = 0
    public private(set) var ratedSinceAnswer = false
    public private(set) var followedUpSinceAnswer = false
    /// Observers a coordinator invited to comment, by staff id.
    public private(set) var invitedObservers: Set<Int64> = []
    /// The title and content as published, once personal data was masked in them.
    public private(set) var publicTitle: String?
    public private(set) var publicContent: String?
    /// What a petition marked useful led to.
    public private(set) var usefulOutcome: String?

    public init(events: [PetitionEvent]) {
        status = StatusDerivation.status(after: events)
        for event in events { apply(event) }
    }

    /// Every agency taking part: the lead and those coordinating.
    public var involvedAgencies: [String] {
        (leadAgency.map { [$0] } ?? []) + coordinatingAgencies.filter { $0 != leadAgency }
    }

    private mutating func apply(_ event: PetitionEvent) {
        switch event.type {
        case .assigned:
            leadAgency = event.data["leadAgency"]
            coordinatingAgencies = Self.codes(event.data["coordinatingAgencies"])
            openCoordination = [:]
        case .returned:
            leadAgency = nil
            coordinatingAgencies = []
            openCoordination = [:]
        case .decided:
            if let lead = event.data["leadAgency"], !lead.isEmpty { leadAgency = lead }
        case .coordinationRequested:
            if let agency = event.data["agency"] {
                openCoordination[agency, default: 0] += 1
                if !coordinatingAgencies.contains(agency) { coordinatingAgencies.append(agency) }
            }
        case .coordinationReplied:
            if let agency = event.agencyCode, let open = openCoordination[agency] {
                openCoordination[agency] = open > 1 ? open - 1 : nil
            }
        case .answerDrafted:
            draft = event.text
            draftApproved = false
            draftAuthor = event.actor.staffID
        case .answerApproved:
            draftApproved = true
        case .answerPublished:
            draft = nil
            draftApproved = false
            draftAuthor = nil
            answersPublished += 1
            ratedSinceAnswer = false
            followedUpSinceAnswer = false
        case .rated:
            ratedSinceAnswer = true
        case .followedUp:
            followedUpSinceAnswer = true
        case .observerInvited:
            if let id = event.data["observerID"].flatMap(Int64.init) { invitedObservers.insert(id) }
        case .redacted:
            switch event.data["target"] {
            case "title": publicTitle = event.text
            case "content": publicContent = event.text
            // A masked draft is a new text: the leader approves it again.
            case "answer" where draft != nil:
                draft = event.text
                draftApproved = false
            default: break
            }
        case .markedUseful:
            usefulOutcome = event.text
        case .submitted, .rejected, .infoRequested, .infoProvided, .acknowledged, .progressUpdated,
            .escalated, .merged, .closed, .noteAdded:
            break
        }
    }

    /// Agency codes from the comma-separated form events store them in.
    public static func codes(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

import Foundation

extension CaseState {
    /// The step a drafted answer waits for: "approval" by the lead agency's leader, then
    /// "publication"; empty when no answer is pending.
    public var awaiting: String {
        guard draft != nil else { return "" }
        return draftApproved ? "publication" : "approval"
    }
}

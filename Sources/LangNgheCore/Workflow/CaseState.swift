/// What the workflow needs to know about a case, folded from its events by each event's body
/// (`EventBody.apply`): nothing here is stored, so it cannot drift from the log.
public struct CaseState: Sendable, Hashable {
    public internal(set) var status = PetitionStatus.received
    /// Where information provided resumes the case.
    var statusBeforeInfoRequest = PetitionStatus.received
    /// The agency handling the case now (nil before routing and after a return).
    public internal(set) var leadAgency: String?
    /// The agencies asked to help: named at assignment or asked for coordination since.
    public internal(set) var coordinatingAgencies: [String] = []
    /// Coordination requests not yet answered, per agency asked.
    public internal(set) var openCoordination: [String: Int] = [:]
    /// The latest draft answer, until it is published.
    public internal(set) var draft: String?
    public internal(set) var draftApproved = false
    /// The staff account that drafted the pending answer: it may not approve it (four eyes).
    public internal(set) var draftAuthor: Int64?
    /// How many answers have been published.
    public internal(set) var answersPublished = 0
    public internal(set) var ratedSinceAnswer = false
    public internal(set) var followedUpSinceAnswer = false
    /// Observers a coordinator invited to comment, by staff id.
    public internal(set) var invitedObservers: Set<Int64> = []
    /// The title and content as published, once personal data was masked in them.
    public internal(set) var publicTitle: String?
    public internal(set) var publicContent: String?
    /// What a petition marked useful led to.
    public internal(set) var usefulOutcome: String?
    /// The last progress update's text, and how many updates restarted the answer clock since
    /// the last answer (a case restarted twice or more without an answer is prolonged).
    public internal(set) var lastProgressNote: String?
    public internal(set) var clockRestarts = 0
    /// What the approver marked as not personal data, per part, lowercase.
    public internal(set) var notPersonal: [Redacted.Target: Set<String>] = [:]
    /// The case this one was merged into.
    public internal(set) var mergedInto: TrackingCode?
    /// The retention policy erased the submitter's personal data (`personalDataErased`).
    public internal(set) var personalDataErased = false

    public init(events: [PetitionEvent]) {
        for event in events { event.body.apply(to: &self, event) }
    }

    /// Every agency taking part: the lead and those coordinating.
    public var involvedAgencies: [String] {
        (leadAgency.map { [$0] } ?? []) + coordinatingAgencies.filter { $0 != leadAgency }
    }

    /// A return or a new assignment ends the agencies' part in the case, their draft answer and
    /// its approval included: another agency's text is never published as the new lead's.
    mutating func clearAgencies() {
        leadAgency = nil
        coordinatingAgencies = []
        openCoordination = [:]
        draft = nil
        draftApproved = false
        draftAuthor = nil
    }
}

extension CaseState {
    /// The step a drafted answer waits for: "approval" by the lead agency's leader, then
    /// "publication"; empty when no answer is pending.
    public var awaiting: String {
        guard draft != nil else { return "" }
        return draftApproved ? "publication" : "approval"
    }
}

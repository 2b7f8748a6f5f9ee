/// `escalated`: VPCP submits the case to the Government / Prime Minister with its study and
/// proposal (DOMAIN.md §1.5). A matter within the Government's own authority may go up at
/// screening, before any agency has it.
public struct Escalated: EventBody {
    public static let type = EventType.escalated
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.received, .assigned, .inProgress, .answered])
    public static let isPublic = true
    public static let form: [EventFormField] = [
        .choice("reason", EscalationReason.self, labelPrefix: "escalation_", required: true),
        .textarea("summary", required: true), .text("proposalNumber", required: false), .textarea("positions", required: false),
        .text("repeatOf", required: false),
    ]

    public var reason: EscalationReason
    /// VPCP's proposal, in short.
    public var summary: String
    /// The number of VPCP's submission (tờ trình), when there is one.
    public var proposalNumber: String?
    /// The agencies' positions, when they disagree.
    public var positions: String?
    /// The answered case this one repeats, when the ground is a repeated complaint found by the
    /// assistant (the server checks that it is one before the event is written).
    public var repeatOf: String?

    public init(
        reason: EscalationReason, summary: String, proposalNumber: String? = nil, positions: String? = nil, repeatOf: String? = nil
    ) {
        self.reason = reason
        self.summary = summary
        self.proposalNumber = proposalNumber
        self.positions = positions
        self.repeatOf = repeatOf
    }

    public var text: String { summary }

    public static func read(_ input: inout EventReader, state: CaseState) -> Escalated {
        let reason = input.choice("reason", EscalationReason.self)
        let summary = input.requiredText("summary")
        let positions = input.optionalText("positions")
        let repeatOf = input.optionalLine("repeatOf", max: 40)
        if let repeatOf, TrackingCode(repeatOf) == nil || reason != .repeatedComplaint { input.fail("repeatOf", .invalidChoice) }
        return Escalated(
            reason: reason ?? .governmentAuthority, summary: summary, proposalNumber: input.optionalLine("proposalNumber"),
            positions: positions.isEmpty ? nil : positions, repeatOf: repeatOf)
    }

    /// The seed's grounds must hold: a disagreement needs two agencies, a repeated complaint a
    /// follow-up after the answer or a new petition repeating an answered one (`repeatOf`); only
    /// the Government's own matters and such repetitions go up at screening.
    public func conflict(with state: CaseState, by principal: Principal, reference: Workflow.Reference) -> ConflictReason? {
        if state.status == .received, reason != .governmentAuthority, repeatOf == nil { return .onlyGovernmentAuthorityAtScreening }
        switch reason {
        case .disagreement: return state.involvedAgencies.count >= 2 ? nil : .needsTwoAgencies
        case .repeatedComplaint: return state.followedUpSinceAnswer || repeatOf != nil ? nil : .needsFollowUp
        case .governmentAuthority: return nil
        }
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .escalated
    }

    public func details(_ words: any EventWords) -> String? {
        [
            words.text("escalation_" + reason.rawValue), repeatOf.map { words.text("field_repeatOf") + ": " + $0 },
            proposalNumber.map { words.text("field_proposalNumber") + ": " + $0 }, positions,
        ]
        .compactMap { $0 }.joined(separator: "\n")
    }

    public func publicText(_ words: any EventWords) -> String {
        [summary, proposalNumber.map { words.text("field_proposalNumber") + ": " + $0 }].compactMap { $0 }.joined(separator: "\n")
    }
}

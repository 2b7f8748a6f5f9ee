/// `decided`: the Government's / Prime Minister's decision on an escalated case: implement it
/// (by the lead agency, or one named here) or close the case.
public struct Decided: EventBody {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case implement, close
    }

    public static let type = EventType.decided
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.escalated])
    public static let isPublic = true
    public static let form: [EventFormField] = [
        .textarea("decision", required: true), .choice("outcome", Outcome.self, labelPrefix: "outcome_", required: true),
        .agency("leadAgency", required: false), .text("documentNumber", required: false), .text("signer", required: false),
    ]

    public var decision: String
    public var outcome: Outcome
    /// The agency to implement it, when the decision names one.
    public var leadAgency: String?
    /// The decision's document number and its signer.
    public var documentNumber: String?
    public var signer: String?

    public init(decision: String, outcome: Outcome, leadAgency: String? = nil, documentNumber: String? = nil, signer: String? = nil) {
        self.decision = decision
        self.outcome = outcome
        self.leadAgency = leadAgency
        self.documentNumber = documentNumber
        self.signer = signer
    }

    public var text: String { decision }

    public static func read(_ input: inout EventReader, state: CaseState) -> Decided {
        let decision = input.requiredText("decision")
        var outcome = Outcome.implement
        if let given = input.input["outcome"], !given.isEmpty { outcome = input.choice("outcome", Outcome.self) ?? .implement }
        let lead = input.agency("leadAgency", required: false, excluding: [Agency.governmentOfficeCode])
        // A case that went up at screening has no agency yet: implementing it needs one.
        if outcome == .implement, lead == nil, state.leadAgency == nil, !input.errors.contains(where: { $0.field == "leadAgency" }) {
            input.fail("leadAgency", .required)
        }
        return Decided(
            decision: decision, outcome: outcome, leadAgency: lead, documentNumber: input.optionalLine("documentNumber"),
            signer: input.optionalLine("signer"))
    }

    public var clockEffect: ClockEffect { outcome == .close ? .endsEveryClock : .asPolicies }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = outcome == .close ? .closed : .inProgress
        if let leadAgency { state.leadAgency = leadAgency }
    }

    public func details(_ words: any EventWords) -> String? {
        [words.text("outcome_" + outcome.rawValue), leadAgency.map(words.agencyName), signature(words)].compactMap { $0 }.joined(
            separator: "; ")
    }

    public func publicText(_ words: any EventWords) -> String {
        [decision, signature(words)].compactMap { $0 }.joined(separator: "\n")
    }

    private func signature(_ words: any EventWords) -> String? {
        guard documentNumber != nil || signer != nil else { return nil }
        return [
            documentNumber.map { words.text("field_documentNumber") + ": " + $0 }, signer.map { words.text("field_signer") + ": " + $0 },
        ]
        .compactMap { $0 }.joined(separator: ", ")
    }
}

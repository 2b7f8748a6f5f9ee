/// `rejected`: VPCP refuses the petition with a coded reason, whose public explanation tells
/// the sender where to go instead (complaints, denunciations, legal questions…).
public struct Rejected: EventBody {
    public static let type = EventType.rejected
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.received, .awaitingInfo])
    public static let isPublic = true
    public static let form: [EventFormField] = [
        .choice("reasonCode", RefusalReason.self, labelPrefix: "refusal_", required: true),
        .textarea("explanation", required: false),
    ]

    public var reasonCode: RefusalReason
    /// Required when the reason is `other`.
    public var explanation: String

    public init(reasonCode: RefusalReason, explanation: String = "") {
        self.reasonCode = reasonCode
        self.explanation = explanation
    }

    public var text: String { explanation }

    public static func read(_ input: inout EventReader, state: CaseState) -> Rejected {
        let reason = input.choice("reasonCode", RefusalReason.self)
        let explanation = reason == .other ? input.requiredText("explanation") : input.optionalText("explanation")
        return Rejected(reasonCode: reason ?? .other, explanation: explanation)
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .rejected
    }

    public func details(_ words: any EventWords) -> String? { words.text("refusal_" + reasonCode.rawValue) }

    /// The coded reason's explanation first, then the coordinator's words.
    public func publicText(_ words: any EventWords) -> String {
        let reason = words.text("refusal_" + reasonCode.rawValue)
        return explanation.isEmpty ? reason : reason + "\n" + explanation
    }
}

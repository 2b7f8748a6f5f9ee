/// `markedNotPersonal`: the approver (a lead leader or a coordinator) decides that something the
/// detector flagged in the title, the content or the answer is not personal data ("Bà Rịa" is
/// a province), so that publication need not wait for it to be masked.
public struct MarkedNotPersonal: EventBody {
    public static let type = EventType.markedNotPersonal
    public static let rule = Redacted.rule
    public static let isPublic = false

    public var target: Redacted.Target
    /// The flagged text, exactly as found.
    public var text: String

    public init(target: Redacted.Target, text: String) {
        self.target = target
        self.text = text
    }

    public static func read(_ input: inout EventReader, state: CaseState) -> MarkedNotPersonal {
        let target = input.choice("target", Redacted.Target.self)
        return MarkedNotPersonal(target: target ?? .title, text: input.optionalLine("text", max: 500) ?? "")
    }

    public func conflict(with state: CaseState, by principal: Principal, reference: Workflow.Reference) -> ConflictReason? {
        text.isEmpty ? .nothingToMark : nil
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.notPersonal[target, default: []].insert(text.lowercased())
    }

    public func details(_ words: any EventWords) -> String? { words.text("redact_" + target.rawValue) + ": " + text }
}

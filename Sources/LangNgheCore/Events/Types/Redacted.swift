/// `redacted`: personal data masked in the title, the content or the draft answer before
/// publication. The original stays private; this holds the public version (DOMAIN.md §6).
public struct Redacted: EventBody {
    public enum Target: String, Sendable, Codable, CaseIterable {
        case title, content, answer
    }

    public static let type = EventType.redacted
    public static let rule = WorkflowRule(actors: .leadLeaderOrCoordinator, statuses: [.inProgress, .answered, .closed])
    public static let isPublic = false
    public static let form: [EventFormField] = [.choice("target", Target.self, labelPrefix: "redact_", required: true)]

    public var target: Target
    /// The target's text with the findings masked (the caller computes it).
    public var masked: String

    public init(target: Target, masked: String) {
        self.target = target
        self.masked = masked
    }

    public var text: String { masked }

    public static func read(_ input: inout EventReader, state: CaseState) -> Redacted {
        let target = input.choice("target", Target.self)
        return Redacted(target: target ?? .title, masked: input.requiredText("text"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        switch target {
        case .title: state.publicTitle = masked
        case .content: state.publicContent = masked
        // A masked draft is a new text: the leader approves it again.
        case .answer where state.draft != nil:
            state.draft = masked
            state.draftApproved = false
        case .answer: break
        }
    }
}

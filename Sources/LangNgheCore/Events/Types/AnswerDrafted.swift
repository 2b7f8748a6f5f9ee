/// `answerDrafted`: the lead agency writes (or rewrites) its answer; its leader approves it.
public struct AnswerDrafted: EventBody {
    public static let type = EventType.answerDrafted
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.inProgress, .answered])
    public static let isPublic = false
    public static let form: [EventFormField] = [.textarea("content", required: true, preview: true), .text("source", required: false)]

    public var content: String
    /// The published answer the officer started from, when one was (its tracking code): the
    /// seed asks that answers be reused, and the record says which.
    public var source: String?

    public init(content: String, source: String? = nil) {
        self.content = content
        self.source = source
    }

    public var text: String { content }

    public static func read(_ input: inout EventReader, state: CaseState) -> AnswerDrafted {
        let content = input.requiredText("content")
        let source = input.optionalLine("source", max: 40)
        if let source, TrackingCode(source) == nil { input.fail("source", .invalidChoice) }
        return AnswerDrafted(content: content, source: source)
    }

    public func details(_ words: any EventWords) -> String? {
        source.map { words.text("draft_source") + ": " + $0 }
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.draft = content
        state.draftApproved = false
        state.draftAuthor = event.actor.staffID
    }
}

/// `answerDrafted`: the lead agency writes (or rewrites) its answer; its leader approves it.
public struct AnswerDrafted: EventBody {
    public static let type = EventType.answerDrafted
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.inProgress, .answered])
    public static let isPublic = false
    public static let form: [EventFormField] = [.textarea("content", required: true, preview: true)]

    public var content: String

    public init(content: String) { self.content = content }

    public var text: String { content }

    public static func read(_ input: inout EventReader, state: CaseState) -> AnswerDrafted {
        AnswerDrafted(content: input.requiredText("content"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.draft = content
        state.draftApproved = false
        state.draftAuthor = event.actor.staffID
    }
}

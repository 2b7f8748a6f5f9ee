/// `followedUp`: the sender is not satisfied with the answer and writes again (grounds for
/// escalation as a repeated complaint). Private, like everything the sender writes later.
public struct FollowedUp: EventBody {
    public static let type = EventType.followedUp
    public static let rule = WorkflowRule(actors: .submitter, statuses: [.answered])
    public static let isPublic = true

    public var content: String

    public init(content: String) { self.content = content }

    public var text: String { content }

    public static func read(_ input: inout EventReader, state: CaseState) -> FollowedUp {
        FollowedUp(content: input.requiredText("content"))
    }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        state.answersPublished > 0 ? nil : .noAnswerYet
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.followedUpSinceAnswer = true
    }

    public func publicText(_ words: any EventWords) -> String { "" }
}

/// `answerApproved`: the lead agency's leader approves the pending draft. Four eyes: not the
/// account that drafted it.
public struct AnswerApproved: EventBody {
    public static let type = EventType.answerApproved
    public static let rule = WorkflowRule(actors: .leadLeader, statuses: [.inProgress, .answered])
    public static let isPublic = false
    public static let isPrimaryAction = true

    public init() {}

    public static func read(_ input: inout EventReader, state: CaseState) -> AnswerApproved { AnswerApproved() }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        guard state.draft != nil, !state.draftApproved else { return .noDraftToApprove }
        if let author = state.draftAuthor, principal.staff?.id == author { return .approverIsDrafter }
        return nil
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.draftApproved = true
    }
}

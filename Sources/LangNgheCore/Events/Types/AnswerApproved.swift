/// `answerApproved`: the lead agency's leader approves the pending draft, re-entering their
/// password, and signs it for the agency. Four eyes: not the account that drafted it.
public struct AnswerApproved: EventBody {
    public static let type = EventType.answerApproved
    public static let rule = WorkflowRule(actors: .leadLeader, statuses: [.inProgress, .answered])
    public static let isPublic = false
    public static let isPrimaryAction = true
    /// The password is checked by the caller and never stored: the reader only asks that it is there.
    public static let form: [EventFormField] = [.password("password")]

    /// The signed answer document (issue 11 §2); nil for approvals recorded before signing existed.
    public var signed: SignedAnswer?

    public init(signed: SignedAnswer? = nil) { self.signed = signed }

    public static func read(_ input: inout EventReader, state: CaseState) -> AnswerApproved {
        _ = input.requiredText("password")
        return AnswerApproved()
    }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        guard state.draft != nil, !state.draftApproved else { return .noDraftToApprove }
        if let author = state.draftAuthor, principal.staff?.id == author { return .approverIsDrafter }
        return nil
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.draftApproved = true
    }
}

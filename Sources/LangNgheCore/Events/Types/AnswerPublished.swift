/// `answerPublished`: the approved draft, word for word, becomes the public answer.
public struct AnswerPublished: EventBody {
    public static let type = EventType.answerPublished
    public static let rule = WorkflowRule(actors: .leadLeaderOrCoordinator, statuses: [.inProgress, .answered])
    public static let isPublic = true
    public static let isPrimaryAction = true

    public var answer: String

    public init(answer: String) { self.answer = answer }

    public var text: String { answer }

    public static func read(_ input: inout EventReader, state: CaseState) -> AnswerPublished {
        AnswerPublished(answer: state.draft ?? "")
    }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        state.draft != nil && state.draftApproved ? nil : .noApprovedDraft
    }

    /// Nothing personal may be left unmasked in what would be published.
    public func conflict(with state: CaseState, by principal: Principal, reference: Workflow.Reference) -> ConflictReason? {
        guard let texts = reference.publication else { return nil }
        return PublicationCheck.unresolved(texts, state: state).isEmpty ? nil : .personalDataUnmasked
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .answered
        state.draft = nil
        state.draftApproved = false
        state.draftAuthor = nil
        state.answersPublished += 1
        state.ratedSinceAnswer = false
        state.followedUpSinceAnswer = false
        state.clockRestarts = 0
    }
}

/// `markedUseful`: VPCP marks an answered petition as useful, with what it led to (an amended
/// regulation); the sender is commended publicly (DOMAIN.md §1.7).
public struct MarkedUseful: EventBody {
    public static let type = EventType.markedUseful
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.answered, .closed])
    public static let isPublic = true
    public static let form: [EventFormField] = [.textarea("result", required: true)]

    public var result: String

    public init(result: String) { self.result = result }

    public var text: String { result }

    public static func read(_ input: inout EventReader, state: CaseState) -> MarkedUseful {
        MarkedUseful(result: input.requiredText("result"))
    }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        state.answersPublished > 0 ? nil : .noAnswerYet
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.usefulOutcome = result
    }
}

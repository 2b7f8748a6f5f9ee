/// `rated`: the sender rates the answer, 1 to 5, once per answer; the comment stays private.
public struct Rated: EventBody {
    public static let type = EventType.rated
    public static let rule = WorkflowRule(actors: .submitter, statuses: [.answered, .closed])
    public static let isPublic = true

    public var satisfaction: Int
    public var comment: String

    public init(satisfaction: Int, comment: String = "") {
        self.satisfaction = satisfaction
        self.comment = comment
    }

    public var text: String { comment }

    public static func read(_ input: inout EventReader, state: CaseState) -> Rated {
        let satisfaction = input.integer("satisfaction", in: 1...5)
        return Rated(satisfaction: satisfaction ?? 0, comment: input.optionalText("comment"))
    }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        if state.answersPublished == 0 { return .noAnswerYet }
        return state.ratedSinceAnswer ? .alreadyRated : nil
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.ratedSinceAnswer = true
    }

    public func details(_ words: any EventWords) -> String? { words.text("case_satisfaction") + ": \(satisfaction)/5" }

    public func publicText(_ words: any EventWords) -> String { "" }
}

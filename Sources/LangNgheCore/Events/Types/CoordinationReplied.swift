/// `coordinationReplied`: an agency asked for coordination replies (its oldest open request).
public struct CoordinationReplied: EventBody {
    public static let type = EventType.coordinationReplied
    public static let rule = WorkflowRule(actors: .coordinationTarget, statuses: [.inProgress, .answered, .escalated])
    public static let isPublic = false
    public static let form: [EventFormField] = [.textarea("reply", required: true)]

    public var reply: String

    public init(reply: String) { self.reply = reply }

    public var text: String { reply }

    public static func read(_ input: inout EventReader, state: CaseState) -> CoordinationReplied {
        CoordinationReplied(reply: input.requiredText("reply"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        guard let agency = event.agencyCode, let open = state.openCoordination[agency] else { return }
        state.openCoordination[agency] = open > 1 ? open - 1 : nil
    }
}

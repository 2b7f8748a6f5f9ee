/// `acknowledged`: the lead agency accepts the case.
public struct Acknowledged: EventBody {
    public static let type = EventType.acknowledged
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.assigned])
    public static let isPublic = true
    public static let isPrimaryAction = true
    public static let form: [EventFormField] = [.textarea("note", required: false)]

    public var note: String

    public init(note: String = "") { self.note = note }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> Acknowledged {
        Acknowledged(note: input.optionalText("note"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .inProgress
    }
}

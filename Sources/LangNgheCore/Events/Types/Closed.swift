/// `closed`: VPCP closes an answered case.
public struct Closed: EventBody {
    public static let type = EventType.closed
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.answered])
    public static let isPublic = true
    public static let form: [EventFormField] = [.textarea("note", required: false)]

    public var note: String

    public init(note: String = "") { self.note = note }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> Closed {
        Closed(note: input.optionalText("note"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .closed
    }
}

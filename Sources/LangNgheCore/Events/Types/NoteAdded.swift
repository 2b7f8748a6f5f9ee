/// `noteAdded`: an internal note by anyone on the case, an invited observer's comment included.
public struct NoteAdded: EventBody {
    public static let type = EventType.noteAdded
    public static let rule = WorkflowRule(actors: .participants, statuses: Set(PetitionStatus.allCases))
    public static let isPublic = false
    public static let form: [EventFormField] = [.textarea("note", required: true)]

    public var note: String

    public init(note: String) { self.note = note }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> NoteAdded {
        NoteAdded(note: input.requiredText("note"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {}
}

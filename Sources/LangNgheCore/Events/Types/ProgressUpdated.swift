/// `progressUpdated`: the lead agency publishes where the case stands; a substantive public
/// update restarts the 20-working-day clock (DOMAIN.md §1.4).
public struct ProgressUpdated: EventBody {
    public static let type = EventType.progressUpdated
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.inProgress])
    public static let isPublic = true
    public static let form: [EventFormField] = [.textarea("note", required: true)]

    public var note: String

    public init(note: String) { self.note = note }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> ProgressUpdated {
        ProgressUpdated(note: input.requiredText("note"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .inProgress
    }
}

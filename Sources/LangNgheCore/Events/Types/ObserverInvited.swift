/// `observerInvited`: VPCP invites an observer (press, association, expert) to read the case
/// and comment on it.
public struct ObserverInvited: EventBody {
    public static let type = EventType.observerInvited
    public static let rule = WorkflowRule(actors: .coordinator, statuses: WorkflowRule.open)
    public static let isPublic = false
    public static let form: [EventFormField] = [.init(name: "observer", kind: .observer, required: true)]

    public var observerID: Int64
    /// The observer's username, as it was when invited.
    public var observer: String

    public init(observerID: Int64, observer: String) {
        self.observerID = observerID
        self.observer = observer
    }

    /// `observerID` is the account the caller looked the username up to.
    public static func read(_ input: inout EventReader, state: CaseState) -> ObserverInvited {
        guard let id = input.input["observerID"].flatMap({ Int64($0) }) else {
            input.fail("observer", .required)
            return ObserverInvited(observerID: 0, observer: "")
        }
        return ObserverInvited(observerID: id, observer: input.input["observer"] ?? "")
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.invitedObservers.insert(observerID)
    }

    public func details(_ words: any EventWords) -> String? { observer }
}

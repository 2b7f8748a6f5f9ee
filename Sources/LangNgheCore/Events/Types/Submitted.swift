/// `submitted`: the petition arrives, on the web, through the API or Open311, or entered by a
/// clerk from paper, phone, e-mail or fax. Recorded by the system at intake only.
public struct Submitted: EventBody {
    public static let type = EventType.submitted
    public static let rule = WorkflowRule(actors: .system, statuses: [])
    public static let isPublic = true

    public var channel: Channel

    public init(channel: Channel) { self.channel = channel }

    public static func read(_ input: inout EventReader, state: CaseState) -> Submitted {
        Submitted(channel: input.choice("channel", Channel.self) ?? .web)
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .received
    }
}

/// `infoProvided`: the sender answers a request for information, with the access key. Staff
/// and the sender read the words; the public timeline shows only that it happened.
public struct InfoProvided: EventBody {
    public static let type = EventType.infoProvided
    public static let rule = WorkflowRule(actors: .submitter, statuses: [.awaitingInfo])
    public static let isPublic = true

    public var content: String

    public init(content: String) { self.content = content }

    public var text: String { content }

    public static func read(_ input: inout EventReader, state: CaseState) -> InfoProvided {
        InfoProvided(content: input.requiredText("content"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        if state.status == .awaitingInfo { state.status = state.statusBeforeInfoRequest }
    }

    /// What the sender writes may carry personal data: never public.
    public func publicText(_ words: any EventWords) -> String { "" }
}

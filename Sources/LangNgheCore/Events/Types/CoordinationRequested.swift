/// `coordinationRequested`: the lead agency asks another agency for its view, which then owes
/// a reply under its own deadline. Internal.
public struct CoordinationRequested: EventBody {
    public static let type = EventType.coordinationRequested
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.inProgress])
    public static let isPublic = false
    public static let form: [EventFormField] = [.agency("agency", required: true), .textarea("question", required: true)]

    /// The agency asked.
    public var agency: String
    public var question: String

    public init(agency: String, question: String) {
        self.agency = agency
        self.question = question
    }

    public var text: String { question }

    public static func read(_ input: inout EventReader, state: CaseState) -> CoordinationRequested {
        let agency = input.agency("agency", required: true, excluding: [state.leadAgency ?? ""])
        return CoordinationRequested(agency: agency ?? "", question: input.requiredText("question"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.openCoordination[agency, default: 0] += 1
        if !state.coordinatingAgencies.contains(agency) { state.coordinatingAgencies.append(agency) }
    }

    public func details(_ words: any EventWords) -> String? { words.agencyName(agency) }
}

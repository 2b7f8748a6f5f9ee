/// `assigned`: VPCP routes the case to a lead agency, with coordinating agencies. Assigning
/// again (after a return, or to correct a routing) replaces the agencies.
public struct Assigned: EventBody {
    public static let type = EventType.assigned
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.received, .assigned, .inProgress])
    public static let isPublic = true
    public static let isPrimaryAction = true
    public static let form: [EventFormField] = [
        .agency("leadAgency", required: true), .agency("coordinatingAgencies", required: false, multiple: true),
        .textarea("note", required: false),
    ]

    public var leadAgency: String
    public var coordinatingAgencies: [String]
    public var note: String
    /// Set when the system moves the case because its agency was merged into another.
    public var mergedFrom: String?

    public init(leadAgency: String, coordinatingAgencies: [String] = [], note: String = "", mergedFrom: String? = nil) {
        self.leadAgency = leadAgency
        self.coordinatingAgencies = coordinatingAgencies
        self.note = note
        self.mergedFrom = mergedFrom
    }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> Assigned {
        let vpcp = Agency.governmentOfficeCode
        let lead = input.agency("leadAgency", required: true, excluding: [vpcp])
        let others = input.agencies("coordinatingAgencies", excluding: [vpcp])
        if let lead, others.contains(lead) { input.fail("coordinatingAgencies", .unknownAgency) }
        return Assigned(leadAgency: lead ?? "", coordinatingAgencies: others, note: input.optionalText("note"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .assigned
        state.clearAgencies()
        state.leadAgency = leadAgency
        state.coordinatingAgencies = coordinatingAgencies
    }

    public func details(_ words: any EventWords) -> String? {
        let coordinating = coordinatingAgencies.map(words.agencyName).joined(separator: ", ")
        return words.text("case_lead") + ": " + words.agencyName(leadAgency)
            + (coordinating.isEmpty ? "" : "; " + words.text("case_coordinating") + ": " + coordinating)
    }
}

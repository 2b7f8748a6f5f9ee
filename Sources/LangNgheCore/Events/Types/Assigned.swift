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
    /// The lead agency the assistant suggested, and how sure it was (in per cent), when it
    /// suggested one: the server fills these in, never the form, so that how often
    /// coordinators follow the suggestion is measured on what they were really shown.
    public var suggestedAgency: String?
    public var suggestionPercent: Int?

    public init(
        leadAgency: String, coordinatingAgencies: [String] = [], note: String = "", mergedFrom: String? = nil,
        suggestedAgency: String? = nil, suggestionPercent: Int? = nil
    ) {
        self.leadAgency = leadAgency
        self.coordinatingAgencies = coordinatingAgencies
        self.note = note
        self.mergedFrom = mergedFrom
        self.suggestedAgency = suggestedAgency
        self.suggestionPercent = suggestionPercent
    }

    /// Whether the coordinator chose the suggested lead agency (nil: nothing was suggested).
    public var followedSuggestion: Bool? { suggestedAgency.map { $0 == leadAgency } }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> Assigned {
        let vpcp = Agency.governmentOfficeCode
        let lead = input.agency("leadAgency", required: true, excluding: [vpcp])
        let others = input.agencies("coordinatingAgencies", excluding: [vpcp])
        if let lead, others.contains(lead) { input.fail("coordinatingAgencies", .unknownAgency) }
        return Assigned(
            leadAgency: lead ?? "", coordinatingAgencies: others, note: input.optionalText("note"),
            suggestedAgency: input.optionalLine("suggestedAgency", max: 20),
            suggestionPercent: input.optionalLine("suggestionPercent", max: 3).flatMap(Int.init).map { min(100, max(0, $0)) })
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .assigned
        state.clearAgencies()
        state.leadAgency = leadAgency
        state.coordinatingAgencies = coordinatingAgencies
    }

    public func details(_ words: any EventWords) -> String? {
        let coordinating = coordinatingAgencies.map(words.agencyName).joined(separator: ", ")
        let suggestion = suggestedAgency.map { code in
            "; " + words.text("assign_suggested") + ": " + words.agencyName(code) + (suggestionPercent.map { " (\($0) %)" } ?? "")
        }
        return words.text("case_lead") + ": " + words.agencyName(leadAgency)
            + (coordinating.isEmpty ? "" : "; " + words.text("case_coordinating") + ": " + coordinating) + (suggestion ?? "")
    }
}

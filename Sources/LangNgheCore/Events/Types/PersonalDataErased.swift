/// `personalDataErased`: the retention policy's time has come for a finished case, and the
/// submitter's name, address, phone, e-mail, organisation and tax code are erased, with the
/// attachments' contents (Law 91/2025 on personal data). Recorded by the system's scheduler
/// only; the case, its answer and its figures stay.
public struct PersonalDataErased: EventBody {
    public static let type = EventType.personalDataErased
    public static let rule = WorkflowRule(actors: .system, statuses: [.rejected, .closed])
    public static let isPublic = true

    /// The retention rule applied (`RetentionPolicy.Rule.code`) and the law behind it.
    public var retentionRule: String
    public var legalBasis: String

    public init(retentionRule: String, legalBasis: String) {
        self.retentionRule = retentionRule
        self.legalBasis = legalBasis
    }

    public static func read(_ input: inout EventReader, state: CaseState) -> PersonalDataErased {
        PersonalDataErased(
            retentionRule: input.optionalLine("retentionRule", max: 100) ?? "", legalBasis: input.optionalLine("legalBasis", max: 500) ?? ""
        )
    }

    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? {
        state.personalDataErased ? .alreadyErased : nil
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.personalDataErased = true
    }

    public var text: String { legalBasis }

    public func publicText(_ words: any EventWords) -> String { words.text("erased_public") + " " + legalBasis }
}

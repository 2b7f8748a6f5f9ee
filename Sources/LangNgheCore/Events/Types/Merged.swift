/// `merged`: VPCP finds the case duplicates another and merges it there. Both stay; this one
/// closes and its public page names the other.
public struct Merged: EventBody {
    public static let type = EventType.merged
    public static let rule = WorkflowRule(actors: .coordinator, statuses: [.received, .awaitingInfo, .assigned, .inProgress])
    public static let isPublic = true
    public static let form: [EventFormField] = [.text("into", required: true)]

    /// The tracking code of the case kept, as text (`PAKN-2026-000123`).
    public var into: String

    public init(into: TrackingCode) { self.into = into.description }

    public var intoCode: TrackingCode? { TrackingCode(into) }

    public static func read(_ input: inout EventReader, state: CaseState) -> Merged {
        guard let code = input.input["into"].flatMap(TrackingCode.init) else {
            input.fail("into", input.input["into"] == nil ? .required : .invalidChoice)
            return Merged(into: TrackingCode(year: 0, number: 0))
        }
        return Merged(into: code)
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .closed
        state.mergedInto = intoCode
    }

    public func details(_ words: any EventWords) -> String? { into }

    public func publicText(_ words: any EventWords) -> String { words.text("event_merged_into") + " " + into }
}

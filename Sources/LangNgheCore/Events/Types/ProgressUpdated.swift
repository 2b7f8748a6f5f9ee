/// `progressUpdated`: the lead agency publishes where the case stands. Only a real public
/// update — at least 30 characters, not the previous update again — restarts the
/// 20-working-day clock (DOMAIN.md §1.4, §6); every restart is public and counted, and a case
/// restarted twice or more without an answer is listed as prolonged (*kéo dài*).
public struct ProgressUpdated: EventBody {
    public static let type = EventType.progressUpdated
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.inProgress])
    public static let isPublic = true
    public static let form: [EventFormField] = [.textarea("note", required: true)]
    /// The shortest update that restarts the clock.
    public static let substantiveLength = 30

    public var note: String
    /// Decided when the update is recorded, so that the log itself says which updates restarted the clock.
    public var restartsClock: Bool

    public init(note: String, restartsClock: Bool = true) {
        self.note = note
        self.restartsClock = restartsClock
    }

    public var text: String { note }

    public static func read(_ input: inout EventReader, state: CaseState) -> ProgressUpdated {
        let note = input.requiredText("note")
        let repeated = state.lastProgressNote.map { VietnameseText.folded($0) == VietnameseText.folded(note) } ?? false
        return ProgressUpdated(note: note, restartsClock: note.count >= substantiveLength && !repeated)
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .inProgress
        state.lastProgressNote = note
        if restartsClock && event.isPublic { state.clockRestarts += 1 }
    }

    /// An update kept internal, or not a real one, moves no clock.
    public var clockEffect: ClockEffect { restartsClock ? .asPolicies : .none }

    public func details(_ words: any EventWords) -> String? { restartsClock ? words.text("event_clock_restarted") : nil }

    public func publicText(_ words: any EventWords) -> String {
        restartsClock ? note + "\n" + words.text("event_clock_restarted") : note
    }
}

import Foundation

/// Everything one event type knows, in one file per type (`Types/`): its typed fields, who may
/// append it and when, how a form or the API gives its fields, what it does to the case, and
/// how it reads to staff and to the public. Adding an event type is one new conformance, its
/// line in `EventType`, its strings and its tests.
public protocol EventBody: Sendable, Hashable, Codable {
    static var type: EventType { get }
    /// Who may append it, in which statuses.
    static var rule: WorkflowRule { get }
    /// Whether the public timeline shows that it happened.
    static var isPublic: Bool { get }
    /// The inputs a form asks for, in order (none: a button).
    static var form: [EventFormField] { get }
    /// Steps that move a case forward are drawn as the page's primary buttons.
    static var isPrimaryAction: Bool { get }
    /// Reads and checks the fields; problems are collected in the reader.
    static func read(_ input: inout EventReader, state: CaseState) -> Self
    /// The event's main text: a reason, a note, an answer ("" if none).
    var text: String { get }
    /// What the case must be like beyond its status (a draft to approve, an answer to rate):
    /// decides whether a page offers the action at all.
    static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason?
    /// What the fields given must agree with in the case (the grounds of an escalation, nothing
    /// left to mask before publication).
    func conflict(with state: CaseState, by principal: Principal, reference: Workflow.Reference) -> ConflictReason?
    /// What it does to the case: status, agencies, draft, clocks' inputs.
    func apply(to state: inout CaseState, _ event: PetitionEvent)
    /// Its typed fields in words, for staff (nil: nothing beyond the text).
    func details(_ words: any EventWords) -> String?
    /// What the public timeline shows of it.
    func publicText(_ words: any EventWords) -> String
    /// What it does to the deadlines' clocks, beyond what the policies say of its type.
    var clockEffect: ClockEffect { get }
}

/// How an event moves the clocks: as the deadline policies say of its type (the data), not at
/// all, or ending every clock whatever the policies say.
public enum ClockEffect: Sendable, Hashable {
    case asPolicies
    /// A progress update that is not a real public update restarts nothing and counts as no update.
    case none
    /// A decision that closes the case: nothing is owed any more, so nothing can be late.
    case endsEveryClock
}

extension EventBody {
    public static var form: [EventFormField] { [] }
    public static var isPrimaryAction: Bool { false }
    public var text: String { "" }
    public static func precondition(on state: CaseState, by principal: Principal) -> ConflictReason? { nil }
    public func conflict(with state: CaseState, by principal: Principal, reference: Workflow.Reference) -> ConflictReason? { nil }
    public func details(_ words: any EventWords) -> String? { nil }
    public func publicText(_ words: any EventWords) -> String { text }
    public var clockEffect: ClockEffect { .asPolicies }

    var anyHashable: AnyHashable { AnyHashable(self) }

    /// The fields in canonical JSON (what the `data` column stores).
    public func canonicalJSON() throws -> CanonicalJSON { try CanonicalJSON(encoding: self) }

    /// An event of this type, decoded from its stored fields (the canonical JSON of `data`).
    static func decoded(from data: Data) throws -> any EventBody {
        try JSONDecoder().decode(Self.self, from: data)
    }
}

/// The strings and names an event needs to read as words, in the reader's language.
public protocol EventWords: Sendable {
    /// The catalogue's text for `key` (`refusal_abusive`, `case_lead`, …).
    func text(_ key: String) -> String
    /// An agency's name.
    func agencyName(_ code: String) -> String
}

/// One input of an action's form: the page draws it, the reader reads the same name.
public struct EventFormField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text
        /// A password re-entered to confirm a step (signing): never echoed back, never stored.
        case password
        /// Long text; `preview` offers a preview button (the answer editor).
        case textarea(preview: Bool)
        /// One of fixed values, labelled by the catalogue's `labelPrefix + value`.
        case choice(values: [String], labelPrefix: String)
        /// One agency, or several.
        case agency(multiple: Bool)
        /// An observer account.
        case observer
    }

    public let name: String
    public let kind: Kind
    public let required: Bool

    public static func text(_ name: String, required: Bool) -> Self { .init(name: name, kind: .text, required: required) }
    public static func password(_ name: String) -> Self { .init(name: name, kind: .password, required: true) }
    public static func textarea(_ name: String, required: Bool, preview: Bool = false) -> Self {
        .init(name: name, kind: .textarea(preview: preview), required: required)
    }
    public static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type, labelPrefix: String, required: Bool) -> Self
    where T.RawValue == String {
        .init(name: name, kind: .choice(values: T.allCases.map(\.rawValue), labelPrefix: labelPrefix), required: required)
    }
    public static func agency(_ name: String, required: Bool, multiple: Bool = false) -> Self {
        .init(name: name, kind: .agency(multiple: multiple), required: required)
    }
}

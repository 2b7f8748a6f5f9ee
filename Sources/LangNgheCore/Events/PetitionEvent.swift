import Foundation

/// Who caused an event.
public enum Actor: Sendable, Hashable, Codable {
    /// The holder of the access key (or an anonymous filer, at submission).
    case submitter
    /// A staff account, by its id.
    case staff(Int64)
    /// The system itself: scheduler, reminders.
    case system

    public var kind: String {
        switch self {
        case .submitter: "submitter"
        case .staff: "staff"
        case .system: "system"
        }
    }

    public var staffID: Int64? {
        if case .staff(let id) = self { id } else { nil }
    }

    public init?(kind: String, staffID: Int64?) {
        switch kind {
        case "submitter": self = .submitter
        case "system": self = .system
        case "staff":
            guard let staffID else { return nil }
            self = .staff(staffID)
        default: return nil
        }
    }
}

/// One entry of a petition's append-only log: who, when, for which agency, and the typed body
/// of its type. Events are never updated in place; their canonical bytes are what the
/// tamper-evident log hashes.
public struct PetitionEvent: Sendable, Hashable {
    /// Position in this petition's log, from 1.
    public var sequence: Int
    /// When it happened (UTC, to the millisecond).
    public var at: Date
    public var actor: Actor
    /// The agency acting (VPCP for coordinators, the handling agency for officers).
    public var agencyCode: String?
    public var isPublic: Bool
    /// The event's typed fields; its type is the body's.
    public var body: any EventBody

    public init(sequence: Int, at: Date, actor: Actor, agencyCode: String?, isPublic: Bool? = nil, body: any EventBody) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.agencyCode = agencyCode
        self.body = body
        self.isPublic = isPublic ?? Swift.type(of: body).isPublic
    }

    public var type: EventType { Swift.type(of: body).type }
    /// The main text: a reason, a note, an answer.
    public var text: String { body.text }

    /// What the timeline shows of the event: the body's public text, or — to the submitter
    /// only — the words they wrote, which the public never reads.
    public func publicText(_ words: any EventWords, toSubmitter: Bool) -> String {
        let shown = body.publicText(words)
        return toSubmitter && shown.isEmpty ? text : shown
    }

    /// The body as `T`, if the event is of that type.
    public func body<T: EventBody>(_: T.Type) -> T? { body as? T }

    public static func == (a: PetitionEvent, b: PetitionEvent) -> Bool {
        a.sequence == b.sequence && a.at == b.at && a.actor == b.actor && a.agencyCode == b.agencyCode
            && a.isPublic == b.isPublic && a.body.anyHashable == b.body.anyHashable
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sequence)
        hasher.combine(body.anyHashable)
    }
}

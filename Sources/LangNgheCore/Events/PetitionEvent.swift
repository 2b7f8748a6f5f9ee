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
        case "staff": guard let staffID else { return nil }; self = .staff(staffID)
        default: return nil
        }
    }
}

extension PetitionEvent {
    /// The text the public timeline shows: empty for what the submitter wrote.
    public var publicText: String { type.keepsTextPrivate ? "" : text }
}

/// One entry of a petition's append-only log. Events are never updated in place: the roadmap's
/// tamper-evident log makes each one a leaf of a Merkle tree.
public struct PetitionEvent: Sendable, Hashable {
    /// Position in this petition's log, from 1.
    public var sequence: Int
    public var type: EventType
    /// When it happened (UTC).
    public var at: Date
    public var actor: Actor
    /// The agency acting (VPCP for coordinators, the handling agency for officers).
    public var agencyCode: String?
    /// The public or internal text: a reason, a note, an answer.
    public var text: String
    public var isPublic: Bool
    /// Typed fields of the event (lead agency, reason code, rating, …), as strings.
    public var data: [String: String]

    public init(
        sequence: Int, type: EventType, at: Date, actor: Actor, agencyCode: String?,
        text: String = "", isPublic: Bool? = nil, data: [String: String] = [:]
    ) {
        self.sequence = sequence
        self.type = type
        self.at = at
        self.actor = actor
        self.agencyCode = agencyCode
        self.text = text
        self.isPublic = isPublic ?? type.isPublic
        self.data = data
    }
}

import Foundation

/// The one serialisation of an event (docs/events.md): the bytes the tamper-evident log hashes,
/// and, for its `data` member, what the database stores.
extension PetitionEvent {
    /// `{"actor","agency","at","data","public","sequence","type"}` in canonical JSON.
    public func canonicalDocument() throws -> CanonicalJSON {
        var actor: [String: CanonicalJSON] = ["kind": .string(self.actor.kind)]
        if let id = self.actor.staffID { actor["id"] = .int(id) }
        return .object([
            "actor": .object(actor),
            "agency": agencyCode.map(CanonicalJSON.string) ?? .null,
            "at": .string(Timestamp.string(at)),
            "data": try canonicalData(),
            "public": .bool(isPublic),
            "sequence": .int(Int64(sequence)),
            "type": .string(type.rawValue),
        ])
    }

    public func canonicalBytes() throws -> [UInt8] { try canonicalDocument().bytes }

    /// The body's fields alone, as stored in the `data` column.
    public func canonicalData() throws -> CanonicalJSON { try body.canonicalJSON() }

    /// An event as stored: its columns and its `data`. A row that cannot be read throws: an
    /// unreadable event is an error, never skipped (a skipped one would let its sequence number
    /// be used again).
    public static func stored(
        sequence: Int, type: String, at: String, actorKind: String, actorID: Int64?, agencyCode: String?, isPublic: Bool, data: String
    ) throws -> PetitionEvent {
        guard let type = EventType(rawValue: type) else { throw UnreadableEvent(sequence: sequence, problem: "type \(type)") }
        guard let instant = Timestamp.date(at) else { throw UnreadableEvent(sequence: sequence, problem: "time \(at)") }
        guard let actor = Actor(kind: actorKind, staffID: actorID) else {
            throw UnreadableEvent(sequence: sequence, problem: "actor \(actorKind)")
        }
        let body: any EventBody
        do { body = try type.body.decoded(from: Data(data.utf8)) } catch {
            throw UnreadableEvent(sequence: sequence, problem: "data of \(type.rawValue): \(error)")
        }
        return PetitionEvent(sequence: sequence, at: instant, actor: actor, agencyCode: agencyCode, isPublic: isPublic, body: body)
    }
}

/// A stored event that does not read as any event type.
public struct UnreadableEvent: Error, Sendable, CustomStringConvertible {
    public let sequence: Int
    public let problem: String
    public var description: String { "event \(sequence) cannot be read: \(problem)" }
}

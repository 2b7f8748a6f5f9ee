import Foundation
import LangNgheCore

/// What `langnghe audit verify` found: the log's size and root, and every case whose events no
/// longer match their leaves, with what is wrong.
public struct LogAudit: Sendable {
    public var size = 0
    public var root: [UInt8] = []
    /// How many signed heads were checked.
    public var heads = 0
    /// Problems of the log itself (its leaves or its state row changed).
    public var logProblems: [String] = []
    /// By tracking code (or `petition #id` when the case row itself is gone).
    public var caseProblems: [String: [String]] = [:]

    public var isIntact: Bool { logProblems.isEmpty && caseProblems.isEmpty }
}

extension Store {
    /// Recomputes every event's leaf from the events as they are now and checks it against the
    /// log: an event edited, deleted, inserted or moved names its case; leaves or a state row
    /// changed behind the events are named as the log's own problems.
    public func auditLog() async throws -> LogAudit {
        try await database.read { db in
            var audit = LogAudit()
            var codes: [Int64: String] = [:]
            var recomputed: [EventKey: MerkleTree.Hash] = [:]
            /// Each case's last published answer, as its events say: what the public copy must show.
            var published: [Int64: PublishedCopy] = [:]
            var approvals: [Int64: SignedAnswer] = [:]
            func name(_ petition: Int64) -> String { codes[petition] ?? "petition #\(petition)" }
            func report(_ petition: Int64, _ problem: String) { audit.caseProblems[name(petition), default: []].append(problem) }

            try await EventLog.forEachStoredEvent(in: db) { row in
                let petition = Int64(row.int("petition_id") ?? 0)
                let code = row.string("tracking_code") ?? ""
                codes[petition] = code
                do {
                    let event = try PetitionEvent(row: row)
                    guard let tracking = TrackingCode(code) else { throw StoreError.unreadable("tracking code \(code)") }
                    recomputed[EventKey(petition: petition, sequence: event.sequence)] = try EventLog.leafHash(event, code: tracking)
                    if event.type == .answerApproved { approvals[petition] = event.body(AnswerApproved.self)?.signed }
                    if event.type == .answerPublished {
                        let signed = approvals[petition]
                        published[petition] = PublishedCopy(
                            text: event.text, at: Timestamp.string(event.at), signer: signed?.document.signerLine,
                            signedAt: signed?.document.approvedAt)
                    }
                } catch let error as UnreadableEvent {
                    report(petition, error.description)
                    recomputed[EventKey(petition: petition, sequence: error.sequence)] = []
                } catch {
                    report(petition, "event \(row.int("sequence") ?? 0) cannot be read: \(error)")
                    recomputed[EventKey(petition: petition, sequence: row.int("sequence") ?? 0)] = []
                }
            }

            // Each signed head: signed by the log's key, and the root of the leaves up to its size.
            let keys = try await db.query("SELECT id, public_key FROM log_keys")
            var pending = try await db.query("SELECT size, root, signed_at, key_id, signature FROM log_heads ORDER BY size")
                .compactMap(Self.head)[...]
            audit.heads = pending.count
            for head in pending {
                let key = keys.first { $0.int("id") == head.keyID }?.string("public_key") ?? ""
                if !head.isSigned(by: key) { audit.logProblems.append("the head of size \(head.size) is not signed by the log's key") }
            }
            var frontier = MerkleFrontier()
            func checkHeads() {
                while let head = pending.first, head.size <= frontier.size {
                    if head.size == frontier.size && head.root != frontier.root {
                        audit.logProblems.append(
                            "the head signed at \(head.timestamp) (size \(head.size)) does not match the log: events before it were rewritten"
                        )
                    }
                    pending.removeFirst()
                }
            }
            checkHeads()
            var lastSequence: [Int64: Int] = [:]
            var position: Int64 = -1
            while true {
                let rows = try await db.query(
                    "SELECT position, petition_id, sequence, hash FROM log_leaves WHERE position > ? ORDER BY position LIMIT 5000", position
                )
                for row in rows {
                    let at = Int64(row.int("position") ?? -1)
                    if at != position + 1 { audit.logProblems.append("leaf \(position + 1) is missing") }
                    position = at
                    let petition = Int64(row.int("petition_id") ?? 0)
                    let sequence = row.int("sequence") ?? 0
                    let stored = row.bytes("hash") ?? []
                    frontier.append(leaf: stored)
                    checkHeads()
                    if let previous = lastSequence[petition], previous >= sequence {
                        report(petition, "event \(sequence) is logged after event \(previous)")
                    }
                    lastSequence[petition] = sequence
                    switch recomputed.removeValue(forKey: EventKey(petition: petition, sequence: sequence)) {
                    case nil: report(petition, "event \(sequence) was deleted")
                    case let hash? where hash != stored && !hash.isEmpty: report(petition, "event \(sequence) was changed")
                    default: break
                    }
                }
                if rows.count < 5000 { break }
            }
            for key in recomputed.keys.sorted(by: { ($0.petition, $0.sequence) < ($1.petition, $1.sequence) }) {
                report(key.petition, "event \(key.sequence) is not in the log (inserted)")
            }
            for head in pending {
                audit.logProblems.append("the head signed at \(head.timestamp) has \(head.size) events; the log has \(frontier.size)")
            }
            try await Self.auditPublishedCopies(published, in: db, report: report)
            audit.size = frontier.size
            audit.root = frontier.root
            let state = try await db.first("SELECT size, frontier, root FROM log_state WHERE id = 1")
            if state?.int("size") != frontier.size || state?.bytes("root") != frontier.root
                || state?.bytes("frontier") != frontier.hashes.flatMap({ $0 })
            {
                audit.logProblems.append("the log's state does not match its leaves")
            }
            return audit
        }
    }
}

extension Store {
    /// The public copy of each answered case shows what its last `answerPublished` event says,
    /// and a case without one has no public copy.
    fileprivate static func auditPublishedCopies(
        _ published: [Int64: PublishedCopy], in db: any SQLConnection, report: (Int64, String) -> Void
    ) async throws {
        var expected = published
        var after: Int64 = 0
        while true {
            let rows = try await db.query(
                "SELECT petition_id, answer, published_at, signer, signed_at FROM published_answers WHERE petition_id > ? ORDER BY petition_id LIMIT 5000",
                after)
            for row in rows {
                let petition = Int64(row.int("petition_id") ?? 0)
                after = petition
                guard let event = expected.removeValue(forKey: petition) else {
                    report(petition, "published without an answerPublished event")
                    continue
                }
                if row.string("answer") != event.text { report(petition, "the published answer differs from its event") }
                if row.string("published_at") != event.at { report(petition, "the publication time differs from its event") }
                if row.string("signer") != event.signer || row.string("signed_at") != event.signedAt {
                    report(petition, "the published signer differs from the signed approval")
                }
            }
            if rows.count < 5000 { break }
        }
        for petition in expected.keys.sorted() { report(petition, "answered but its public copy is missing") }
    }
}

/// What a case's public copy must show, as its events say.
struct PublishedCopy {
    let text: String
    let at: String
    let signer: String?
    let signedAt: String?
}

struct EventKey: Hashable {
    let petition: Int64
    let sequence: Int
}

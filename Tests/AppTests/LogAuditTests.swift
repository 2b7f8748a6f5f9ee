import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import LangNgheCore
import Testing

@testable import App
@testable import LangNgheStorage

/// Issue 11 §4: every event is a leaf of the log, written with it; anything done to the events
/// directly in the database, on SQLite and on PostgreSQL, makes the audit name the case.
@Suite struct LogAuditTests {
    /// Three cases, two of them answered: 13 events.
    static func cases(_ client: any TestClientProtocol, _ store: Store) async throws -> [String] {
        var codes: [String] = []
        for _ in 0..<3 { codes.append(try await submitPetition(client).0) }
        try await publish(codes[0], in: store, answer: "Trả lời gốc của Sở.")
        try await publish(codes[1], in: store, answer: "Trả lời thứ hai.")
        return codes
    }

    @Test func anUntouchedLogIsIntactAndHoldsEveryEvent() async throws {
        try await withApp { client, store in
            _ = try await Self.cases(client, store)
            let audit = try await store.auditLog()
            #expect(audit.isIntact, "\(audit.logProblems) \(audit.caseProblems)")
            #expect(audit.size == 13)
            // The root is the RFC 6962 tree over the events' leaves, recomputed here from scratch.
            let leaves = try await store.database.read { db in
                try await db.query("SELECT hash FROM log_leaves ORDER BY position").map { $0.bytes("hash") ?? [] }
            }
            #expect(MerkleTree.root(leaves[...]) == audit.root)
        }
    }

    enum Tampering: String, CaseIterable, Sendable {
        case answerText, agency, time, deletion, insertion, swap, publishedCopy
    }

    @Test(arguments: Tampering.allCases)
    func anythingDoneToTheEventsNamesTheCase(_ tampering: Tampering) async throws {
        try await withApp { client, store in
            let codes = try await Self.cases(client, store)
            try await store.database.write { db in
                let id = try await db.first("SELECT id FROM petitions WHERE tracking_code = ?", codes[0])?.int("id") ?? 0
                switch tampering {
                case .answerText:
                    try await db.execute(
                        "UPDATE events SET data = REPLACE(data, 'gốc', 'sửa') WHERE petition_id = ? AND type = 'answerPublished'", id)
                case .agency:
                    try await db.execute("UPDATE events SET agency_code = 'BTC' WHERE petition_id = ? AND sequence = 2", id)
                case .time:
                    try await db.execute("UPDATE events SET at = '2020-01-01T00:00:00.000Z' WHERE petition_id = ? AND sequence = 3", id)
                case .deletion:
                    try await db.execute("DELETE FROM events WHERE petition_id = ? AND sequence = 4", id)
                case .insertion:
                    try await db.execute(
                        """
                        INSERT INTO events (petition_id, sequence, type, at, actor_kind, actor_id, agency_code, is_public, data)
                        SELECT petition_id, 7, type, at, actor_kind, actor_id, agency_code, is_public, data
                        FROM events WHERE petition_id = ? AND sequence = 5
                        """, id)
                case .publishedCopy:
                    try await db.execute("UPDATE published_answers SET answer = 'Trả lời đã bị sửa.' WHERE petition_id = ?", id)
                case .swap:
                    try await db.execute("UPDATE events SET sequence = 100 WHERE petition_id = ? AND sequence = 2", id)
                    try await db.execute("UPDATE events SET sequence = 2 WHERE petition_id = ? AND sequence = 3", id)
                    try await db.execute("UPDATE events SET sequence = 3 WHERE petition_id = ? AND sequence = 100", id)
                }
            }
            let audit = try await store.auditLog()
            #expect(!audit.isIntact)
            #expect(Set(audit.caseProblems.keys) == [codes[0]], "\(audit.caseProblems)")
        }
    }

    /// Leaves rewritten behind the events: the case and the log itself are named.
    @Test func aChangedLeafIsNamed() async throws {
        try await withApp { client, store in
            let codes = try await Self.cases(client, store)
            try await store.database.write { db in
                try await db.execute("UPDATE log_leaves SET hash = ? WHERE position = 0", [UInt8](repeating: 7, count: 32))
            }
            let audit = try await store.auditLog()
            #expect(audit.caseProblems.keys.contains(codes[0]))
            #expect(!audit.logProblems.isEmpty)
        }
    }

    /// An installation upgraded to the log: its stored events become the leaves, in the order
    /// they were appended, and give the same tree as appending them one by one did.
    @Test func storedEventsAreLoggedByTheMigration() async throws {
        try await withApp { client, store in
            _ = try await Self.cases(client, store)
            let before = try await store.auditLog()
            try await store.database.write { db in
                try await db.execute("DELETE FROM log_leaves")
                try await db.execute("DELETE FROM log_state")
                try await Schema.logStoredEvents(in: db)
            }
            let after = try await store.auditLog()
            #expect(after.isIntact)
            #expect(after.size == before.size && after.root == before.root)
            // The subtree roots of a log kept before version 24 come from its leaves.
            let kept = try await store.database.read { db in
                try await db.query("SELECT level, idx, hash FROM log_nodes ORDER BY level, idx")
            }
            try await store.database.write { db in
                try await db.execute("DELETE FROM log_nodes")
                try await Schema.v24LogNodes.transform?(db)
            }
            let rebuilt = try await store.database.read { db in
                try await db.query("SELECT level, idx, hash FROM log_nodes ORDER BY level, idx")
            }
            #expect(kept.count == 10 && rebuilt.map { $0.bytes("hash") } == kept.map { $0.bytes("hash") })
        }
    }
}

/// Issue 11 §4: signed tree heads, and what they catch that the leaves alone cannot.
@Suite struct TreeHeadTests {
    @Test func headsAreSignedOnDemandAtMostOnceAMinute() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            _ = try await LogAuditTests.cases(client, store)
            let response = try await client.execute(uri: "/api/v1/log/head", method: .get)
            #expect(response.status == .ok)
            let json = try response.json()
            #expect(json["size"] as? Int == 13)
            let keys = try await store.logPublicKeys()
            let head = try #require(try await store.latestTreeHead())
            #expect(json["rootHash"] as? String == head.root.hex)
            #expect(head.isSigned(by: json["publicKey"] as? String ?? ""))
            #expect(head.isSigned(by: keys[head.keyID] ?? ""))
            // Another key, another size or another time: not this signature.
            let stranger = P256.Signing.PrivateKey().publicKey.pemRepresentation
            #expect(!head.isSigned(by: stranger))
            let other = TreeHead(size: 12, root: head.root, timestamp: head.timestamp, keyID: head.keyID, signature: head.signature)
            #expect(!other.isSigned(by: keys[head.keyID] ?? ""))
            let later = TreeHead(
                size: head.size, root: head.root, timestamp: "2030-01-01T00:00:00.000Z", keyID: head.keyID, signature: head.signature)
            #expect(!later.isSigned(by: keys[head.keyID] ?? ""))
            // Within the minute the same head; after it, one that counts the new case.
            _ = try await submitPetition(client)
            #expect(try await client.execute(uri: "/api/v1/log/head", method: .get).json()["size"] as? Int == 13)
            clock.advance(61)
            #expect(try await client.execute(uri: "/api/v1/log/head", method: .get).json()["size"] as? Int == 14)
            // A log that has not grown gets no new head.
            clock.advance(3600)
            #expect(try await store.treeHead(now: clock.now, maxAge: 0).size == 14)
            #expect(try await store.treeHeads().count == 2)
            #expect(try await store.auditLog().heads == 2)
            // Both in the feed, newest first, each with what it takes to check it.
            let feed = try await client.execute(uri: "/feeds/log.atom", method: .get)
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            let heads = try await store.treeHeads()
            #expect(heads.map(\.size) == [14, 13])
            let first = try #require(feed.text.range(of: heads[0].root.hex))
            let second = try #require(feed.text.range(of: heads[1].root.hex))
            #expect(first.lowerBound < second.lowerBound)
            #expect(feed.text.contains("BEGIN PUBLIC KEY") && feed.text.contains("&quot;signature&quot;"))
        }
    }

    /// Someone who rewrites an answer and its leaf and the tree's state alike leaves the leaves
    /// consistent, but not the heads signed before: the audit says the log was rewritten.
    @Test func aRewrittenLogDoesNotMatchItsSignedHead() async throws {
        try await withApp { client, store in
            let codes = try await LogAuditTests.cases(client, store)
            _ = try await store.treeHead(now: Date(), maxAge: 0)
            try await store.database.write { db in
                let id = try await db.first("SELECT id FROM petitions WHERE tracking_code = ?", codes[0])?.int("id") ?? 0
                try await db.execute(
                    "UPDATE events SET data = REPLACE(data, 'gốc', 'sửa') WHERE petition_id = ? AND type = 'answerPublished'", id)
                try await db.execute("UPDATE published_answers SET answer = REPLACE(answer, 'gốc', 'sửa') WHERE petition_id = ?", id)
                let row = try #require(
                    try await db.first(
                        "SELECT \(Store.eventColumns) FROM events e WHERE e.petition_id = ? AND e.type = 'answerPublished'", id))
                let event = try PetitionEvent(row: row)
                try await db.execute(
                    "UPDATE log_leaves SET hash = ? WHERE petition_id = ? AND sequence = ?",
                    try EventLog.leafHash(event, code: TrackingCode(codes[0])!),
                    id, event.sequence)
                var frontier = MerkleFrontier()
                for leaf in try await db.query("SELECT hash FROM log_leaves ORDER BY position") {
                    frontier.append(leaf: leaf.bytes("hash") ?? [])
                }
                try await db.execute(
                    "UPDATE log_state SET frontier = ?, root = ? WHERE id = 1", frontier.hashes.flatMap { $0 }, frontier.root)
            }
            let audit = try await store.auditLog()
            #expect(audit.caseProblems.isEmpty)
            #expect(!audit.isIntact)
            #expect(audit.logProblems.contains { $0.contains("rewritten") }, "\(audit.logProblems)")
        }
    }
}

/// Issue 11 §4: proofs anyone can check offline against a head they kept.
@Suite struct LogProofTests {
    @Test func proofsLeadToTheSignedHeadAndForgedOnesDoNot() async throws {
        try await withApp { client, store in
            let codes = try await LogAuditTests.cases(client, store)
            let head = try await client.execute(uri: "/api/v1/log/head", method: .get).json()
            let inclusion = try await client.execute(uri: "/api/v1/log/proof/inclusion?event=\(codes[0]):2", method: .get)
            #expect(inclusion.status == .ok)
            var proof = try JSONDecoder().decode(InclusionProof.self, from: Data(buffer: inclusion.body))
            #expect(proof.verify())
            #expect(proof.size == 13 && proof.rootHash == head["rootHash"] as? String)
            proof.index += 1
            #expect(!proof.verify())

            let consistency = try await client.execute(uri: "/api/v1/log/proof/consistency?from=3&to=13", method: .get)
            var grown = try JSONDecoder().decode(ConsistencyProof.self, from: Data(buffer: consistency.body))
            #expect(grown.verify())
            #expect(grown.toRootHash == head["rootHash"] as? String)
            grown.fromRootHash = String(repeating: "0", count: 64)
            #expect(!grown.verify())

            for (uri, field) in [
                ("/api/v1/log/proof/inclusion?event=\(codes[0]):99", "event"), ("/api/v1/log/proof/inclusion?event=x", "event"),
                ("/api/v1/log/proof/inclusion?event=\(codes[0]):2&size=999", "size"),
                ("/api/v1/log/proof/consistency?from=14&to=13", "from"), ("/api/v1/log/proof/consistency?to=5", "from"),
            ] {
                let refused = try await client.execute(uri: uri, method: .get)
                #expect(refused.status == .unprocessableContent, "\(uri)")
                #expect((try refused.json()["error"] as? [String: Any])?["fields"].map { "\($0)" }?.contains(field) == true, "\(uri)")
            }
        }
    }

    /// Proofs come from the kept subtree roots (O(log n) reads): the same as from every leaf, for
    /// every event and size, and after more appends.
    @Test func proofsFromKeptSubtreesEqualProofsFromAllLeaves() async throws {
        try await withApp { client, store in
            for _ in 0..<3 { _ = try await LogAuditTests.cases(client, store) }
            let leaves = try await store.database.read { db in
                try await db.query("SELECT hash FROM log_leaves ORDER BY position").map { $0.bytes("hash") ?? [] }
            }
            #expect(leaves.count == 39)
            for size in [1, 2, 3, 7, 8, 13, 32, 33, 39] {
                for index in 0..<size {
                    let kept = try await store.inclusionProof(index: index, size: size)
                    #expect(kept.path == MerkleTree.inclusionProof(index: index, leaves: leaves[..<size]), "\(index) of \(size)")
                    #expect(kept.root == MerkleTree.root(leaves[..<size]))
                }
                for from in 1...size {
                    let kept = try await store.consistencyProof(from: from, to: size)
                    #expect(kept.proof == MerkleTree.consistencyProof(from: from, leaves: leaves[..<size]), "\(from) to \(size)")
                    #expect(kept.fromRoot == MerkleTree.root(leaves[..<from]))
                }
            }
        }
    }

    /// An internal event's leaf (a draft, an approval, a note) is not published: proofs are for
    /// the events on the public timeline.
    @Test func internalEventsGetNoPublicProof() async throws {
        try await withApp { client, store in
            let codes = try await LogAuditTests.cases(client, store)
            let draft = try await client.execute(uri: "/api/v1/log/proof/inclusion?event=\(codes[0]):4", method: .get)
            #expect(draft.status == .unprocessableContent)
            let published = try await client.execute(uri: "/api/v1/log/proof/inclusion?event=\(codes[0]):6", method: .get)
            #expect(published.status == .ok)
        }
    }
}

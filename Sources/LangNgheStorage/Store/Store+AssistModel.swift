import Foundation
import LangNgheCore

/// A handled case as the routing model learns from it.
public struct TrainingCase: Sendable {
    public let id: Int
    public let folded: String
    public let agencyCode: String
    public let fieldCode: String?
    public let receivedAt: Date
}

/// The trained model as stored, with when and from how many cases it was made.
public struct StoredAssistModel: Sendable {
    public let bytes: [UInt8]
    public let trainedAt: Date
    public let cases: Int
}

extension Store {
    /// Handled cases (a lead agency chosen), oldest first, after `id`: the training data, read in
    /// pages so that a million cases never sit in memory at once.
    public func trainingCases(after id: Int, limit: Int) async throws -> [TrainingCase] {
        try await database.read { db in
            try await db.query(
                """
                SELECT id, search_text, lead_agency_code, field_code, received_at FROM petitions
                WHERE id > ? AND lead_agency_code IS NOT NULL ORDER BY id LIMIT ?
                """, id, limit
            ).compactMap { row in
                guard let id = row.int("id"), let agency = row.string("lead_agency_code") else { return nil }
                return TrainingCase(
                    id: id, folded: row.string("search_text") ?? "", agencyCode: agency, fieldCode: row.string("field_code"),
                    receivedAt: Timestamp.date(row.string("received_at") ?? "") ?? .distantPast)
            }
        }
    }

    /// The id after which the newest `count` handled cases begin (0 when there are fewer).
    public func trainingStart(newest count: Int) async throws -> Int {
        try await database.read { db in
            let row = try await db.first(
                "SELECT id FROM petitions WHERE lead_agency_code IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET ?", count)
            return row?.int("id") ?? 0
        }
    }

    public func saveAssistModel(_ bytes: [UInt8], cases: Int, at: Date) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM assist_models")
            try await db.execute(
                "INSERT INTO assist_models (id, trained_at, cases, bytes) VALUES (1, ?, ?, ?)", Timestamp.string(at), cases, bytes)
        }
    }

    public func assistModel() async throws -> StoredAssistModel? {
        try await database.read { db in
            guard let row = try await db.first("SELECT trained_at, cases, bytes FROM assist_models WHERE id = 1"),
                let bytes = row.bytes("bytes")
            else { return nil }
            return StoredAssistModel(
                bytes: bytes, trainedAt: Timestamp.date(row.string("trained_at") ?? "") ?? .distantPast, cases: row.int("cases") ?? 0)
        }
    }

    /// When the model was last trained, without reading it: instances compare it to reload.
    public func assistModelTrainedAt() async throws -> Date? {
        try await database.read { db in
            try await db.first("SELECT trained_at FROM assist_models WHERE id = 1").flatMap {
                Timestamp.date($0.string("trained_at") ?? "")
            }
        }
    }

    /// Puts the cases stored before the assistance existed in its index, a page at a time, each
    /// page one transaction (so an interrupted run starts again where it stopped: it deletes what
    /// a page had written before writing it).
    func indexForAssistance() async throws {
        var last = 0
        while true {
            let start = last
            let next = try await database.write { db -> Int? in
                let rows = try await db.query(
                    """
                    SELECT p.id, p.search_text, s.phone, s.email, a.title AS public_title, a.content AS public_content
                    FROM petitions p JOIN submitters s ON s.id = p.submitter_id LEFT JOIN published_answers a ON a.petition_id = p.id
                    WHERE p.id > ? ORDER BY p.id LIMIT 500
                    """, start)
                guard let end = rows.last?.int("id") else { return nil }
                try await db.execute("DELETE FROM case_bands WHERE petition_id > ? AND petition_id <= ?", start, end)
                try await db.execute("DELETE FROM submitter_keys WHERE petition_id > ? AND petition_id <= ?", start, end)
                let key = try await self.dataKey(in: db, create: true)
                for row in rows {
                    guard let id = row.int("id") else { continue }
                    let keys = try await self.submitterKeys(
                        phone: try key.open(row.string("phone") ?? ""), email: try key.open(row.string("email") ?? ""), in: db)
                    try await Self.indexCase(
                        petitionID: id, bands: MinHash(TermBag(folded: row.string("search_text") ?? "")).bandKeys, submitterKeys: keys,
                        in: db)
                    if let title = row.string("public_title") {
                        try await Self.indexAnswer(
                            petitionID: id, title: title, content: row.string("public_content") ?? "", fresh: false, in: db)
                    }
                }
                return end
            }
            guard let next else { return }
            last = next
        }
    }
}

/// How often coordinators routed a case where the assistant suggested, and chose what it suggested.
public struct RoutingOutcomes: Sendable, Equatable {
    public var suggested = 0
    public var matched = 0

    public init(suggested: Int = 0, matched: Int = 0) {
        self.suggested = suggested
        self.matched = matched
    }
}

extension Store {
    /// Counted over the newest `limit` routings (`Assigned.followedSuggestion`).
    public func routingOutcomes(limit: Int = 200_000) async throws -> RoutingOutcomes {
        try await database.read { db in
            var outcomes = RoutingOutcomes()
            let rows = try await db.query(
                "SELECT \(Self.eventColumns) FROM events e WHERE e.type = ? ORDER BY e.at DESC LIMIT ?", EventType.assigned.rawValue, limit)
            for row in rows {
                guard let assigned = try PetitionEvent(row: row).body as? Assigned, let followed = assigned.followedSuggestion else {
                    continue
                }
                outcomes.suggested += 1
                if followed { outcomes.matched += 1 }
            }
            return outcomes
        }
    }
}

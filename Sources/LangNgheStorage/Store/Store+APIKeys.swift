import Foundation
import LangNgheCore

/// A key that lets a partner application file petitions through Open311. Admins issue and
/// revoke keys; only the SHA-256 of each key is stored, so a stolen table files nothing.
public struct APIKeyRecord: Sendable, Hashable {
    public var id: Int64
    /// Who holds it (the application or the organisation), as the admin wrote it.
    public var name: String
    public var createdAt: Date
    public var revoked: Bool
}

extension Store {
    /// Stores a new key's hash; returns its id.
    public func createAPIKey(name: String, hash: String, now: Date) async throws -> Int64 {
        try await database.write { db in
            guard
                let id = try await db.first(
                    "INSERT INTO api_keys (key_hash, name, created_at, revoked) VALUES (?, ?, ?, 0) RETURNING id",
                    hash, name, Timestamp.string(now))?.int("id")
            else { throw StoreError.notFound }
            return Int64(id)
        }
    }

    /// The live (not revoked) key with this hash.
    public func apiKey(hash: String) async throws -> (id: Int64, name: String)? {
        try await database.read { db in
            guard let row = try await db.first("SELECT id, name FROM api_keys WHERE key_hash = ? AND revoked = 0", hash),
                let id = row.int("id")
            else { return nil }
            return (Int64(id), row.string("name") ?? "")
        }
    }

    /// Revokes a key for good (the row stays, for the record). Returns whether a live key was revoked.
    @discardableResult
    public func revokeAPIKey(id: Int64) async throws -> Bool {
        try await database.write { db in
            guard try await db.first("SELECT id FROM api_keys WHERE id = ? AND revoked = 0", id) != nil else { return false }
            try await db.execute("UPDATE api_keys SET revoked = 1 WHERE id = ?", id)
            return true
        }
    }

    /// Every key ever issued, newest first.
    public func apiKeys() async throws -> [APIKeyRecord] {
        try await database.read { db in
            try await db.query("SELECT id, name, created_at, revoked FROM api_keys ORDER BY id DESC").map { row in
                APIKeyRecord(
                    id: Int64(row.int("id") ?? 0), name: row.string("name") ?? "",
                    createdAt: Timestamp.date(row.string("created_at") ?? "") ?? .distantPast, revoked: row.bool("revoked"))
            }
        }
    }
}

/// Which petitions a public listing asks for (Open311's `GET requests`): by tracking code, or by
/// kind, status and time of receipt.
public struct PetitionListFilter: Sendable {
    /// When not empty, only these petitions, whatever the other members say.
    public var codes: [TrackingCode]
    /// Empty: every category.
    public var categories: [PetitionCategory]
    /// Empty: every status.
    public var statuses: [PetitionStatus]
    /// Received at or after.
    public var from: Date?
    /// Received at or before.
    public var to: Date?
    public var limit: Int

    public init(
        codes: [TrackingCode] = [], categories: [PetitionCategory] = [], statuses: [PetitionStatus] = [],
        from: Date? = nil, to: Date? = nil, limit: Int = 1000
    ) {
        self.codes = codes
        self.categories = categories
        self.statuses = statuses
        self.from = from
        self.to = to
        self.limit = min(max(1, limit), 1000)
    }
}

extension Store {
    /// The public summary of the petitions that match, newest first. The same columns as a
    /// queue's items, none of them personal data: the title is the one published copy's,
    /// empty until an answer is published.
    public func petitionSummaries(_ filter: PetitionListFilter) async throws -> [InboxItem] {
        try await database.read { db in
            var conditions: [String] = []
            var arguments: [SQLValue] = []
            func oneOf(_ column: String, _ values: [String]) {
                conditions.append("\(column) IN (" + values.map { _ in "?" }.joined(separator: ", ") + ")")
                arguments += values.map { .text($0) }
            }
            if !filter.codes.isEmpty {
                oneOf("p.tracking_code", Array(filter.codes.prefix(filter.limit)).map(\.description))
            } else {
                if !filter.categories.isEmpty { oneOf("p.category", filter.categories.map(\.rawValue)) }
                if !filter.statuses.isEmpty { oneOf("p.status", filter.statuses.map(\.rawValue)) }
                // Timestamps are fixed-width UTC text, so text order is time order.
                if let from = filter.from {
                    conditions.append("p.received_at >= ?")
                    arguments.append(.text(Timestamp.string(from)))
                }
                if let to = filter.to {
                    conditions.append("p.received_at <= ?")
                    arguments.append(.text(Timestamp.string(to)))
                }
            }
            let whereClause = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
            let rows = try await db.query(
                """
                SELECT p.tracking_code, COALESCE(pa.title, '') AS title, p.status, p.category, p.field_code, p.lead_agency_code,
                    p.received_at, p.updated_at
                FROM petitions p LEFT JOIN published_answers pa ON pa.petition_id = p.id WHERE \(whereClause) ORDER BY p.received_at DESC, p.id DESC LIMIT ?
                """, arguments + [.int(Int64(filter.limit))])
            return rows.compactMap(InboxItem.init(row:))
        }
    }
}

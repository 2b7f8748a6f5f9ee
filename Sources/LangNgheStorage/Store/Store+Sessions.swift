import Foundation
import LangNgheCore

/// A signed-in session (web, by cookie) or an API bearer token. Only the hash of its secret
/// is stored.
public struct SessionRecord: Sendable {
    public enum Kind: String, Sendable { case web, api }
    public var kind: Kind
    public var account: StaffAccount
    public var expiresAt: Date
    /// Made by a password alone for an account that must enrol a second factor: it opens the
    /// enrolment page and nothing else.
    public var enrolOnly = false
}

extension Store {
    public func createSession(
        hash: String, staffID: Int64, kind: SessionRecord.Kind, ip: String, now: Date, expiresAt: Date, enrolOnly: Bool = false
    ) async throws {
        try await database.write { db in
            try await db.execute(
                """
                INSERT INTO sessions (id_hash, staff_id, kind, created_at, last_seen_at, expires_at, ip, enrol_only)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, hash, staffID, kind.rawValue, Timestamp.string(now), Timestamp.string(now), Timestamp.string(expiresAt), ip, enrolOnly)
        }
    }

    /// The live session with this hash: not expired, not idle longer than `idleLimit` (web
    /// sessions and API tokens alike), its account active. Seeing it counts as activity.
    public func session(hash: String, now: Date, idleLimit: TimeInterval) async throws -> SessionRecord? {
        // Most requests only read: the session is written when it ends, or to note activity at
        // most once a minute (so idle time is known to the minute, and pages cost no write).
        let found = try await database.read { db in try await Self.liveSession(hash: hash, now: now, idleLimit: idleLimit, in: db) }
        switch found {
        case .missing: return nil
        case .live(let record, let lastSeen) where now.timeIntervalSince(lastSeen) < Self.activityGranularity: return record
        case .live, .ended:
            return try await database.write { db in
                switch try await Self.liveSession(hash: hash, now: now, idleLimit: idleLimit, in: db) {
                case .missing: return nil
                case .ended:
                    try await db.execute("DELETE FROM sessions WHERE id_hash = ?", hash)
                    return nil
                case .live(let record, _):
                    try await db.execute("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", Timestamp.string(now), hash)
                    return record
                }
            }
        }
    }

    /// How often a session's activity is written.
    static let activityGranularity: TimeInterval = 60

    private enum Lookup {
        case missing, ended
        case live(SessionRecord, lastSeen: Date)
    }

    private static func liveSession(hash: String, now: Date, idleLimit: TimeInterval, in db: any SQLConnection) async throws -> Lookup {
        guard
            let row = try await db.first(
                """
                SELECT s.kind, s.last_seen_at, s.expires_at, s.enrol_only, st.* FROM sessions s JOIN staff st ON st.id = s.staff_id
                WHERE s.id_hash = ?
                """, hash),
            let kind = SessionRecord.Kind(rawValue: row.string("kind") ?? ""),
            let account = StaffAccount(row: row), account.active,
            let expires = Timestamp.date(row.string("expires_at") ?? ""),
            let lastSeen = Timestamp.date(row.string("last_seen_at") ?? "")
        else { return .missing }
        if now >= expires || now.timeIntervalSince(lastSeen) > idleLimit { return .ended }
        return .live(SessionRecord(kind: kind, account: account, expiresAt: expires, enrolOnly: row.bool("enrol_only")), lastSeen: lastSeen)
    }

    public func deleteSession(hash: String) async throws {
        try await database.write { db in try await db.execute("DELETE FROM sessions WHERE id_hash = ?", hash) }
    }
}

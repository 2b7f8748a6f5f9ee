import Foundation
import LangNgheCore

/// One line of the security log: every sign-in, failed sign-in, permission denial and event.
public struct SecurityLogEntry: Sendable, Hashable {
    public var at: Date
    public var action: String
    public var staffID: Int64?
    public var username: String?
    public var ip: String
    public var detail: String

    /// The action of a read-log line: a staff member saw a submitter's details or files.
    public static let submitterRead = "submitterRead"

    public init(at: Date, action: String, staffID: Int64? = nil, username: String? = nil, ip: String, detail: String = "") {
        self.at = at
        self.action = action
        self.staffID = staffID
        self.username = username
        self.ip = ip
        self.detail = detail
    }
}

extension Store {
    public func log(_ entry: SecurityLogEntry) async throws {
        try await database.write { db in try await Self.insert(entry, in: db) }
    }

    /// Inside a transaction that also writes what the line records.
    static func insert(_ entry: SecurityLogEntry, in db: any SQLConnection) async throws {
        try await db.execute(
            "INSERT INTO security_log (at, action, staff_id, username, ip, detail) VALUES (?, ?, ?, ?, ?, ?)",
            Timestamp.string(entry.at), entry.action, entry.staffID, entry.username, entry.ip, entry.detail)
    }

    /// How many failed or unfinished sign-ins a username and an address may have in a window.
    public struct SignInLimits: Sendable {
        public var perAccount: Int
        public var perAddress: Int
        public var since: Date
        public init(perAccount: Int, perAddress: Int, since: Date) {
            self.perAccount = perAccount
            self.perAddress = perAddress
            self.since = since
        }
    }

    /// Records a sign-in attempt before its password is checked, and returns its line's id; or
    /// nil, recording `loginThrottled`, when this username or this address already has too many
    /// failed or unfinished attempts. The count and the record share one transaction that no
    /// other attempt can interleave with, so two hundred parallel guesses get five tries, not
    /// two hundred.
    public func beginSignIn(username: String, ip: String, at now: Date, limits: SignInLimits) async throws -> Int64? {
        try await database.write { db in
            if self.dialect == .postgresql { try await db.execute("SELECT pg_advisory_xact_lock(7411002)") }
            let from = Timestamp.string(limits.since)
            let byUser =
                try await db.first(
                    "SELECT COUNT(*) AS n FROM security_log WHERE action IN ('loginFailed', 'loginAttempt') AND username = ? AND at >= ?",
                    username, from)?.int("n") ?? 0
            let byAddress =
                try await db.first(
                    "SELECT COUNT(*) AS n FROM security_log WHERE action IN ('loginFailed', 'loginAttempt') AND ip = ? AND at >= ?", ip,
                    from)?
                .int("n") ?? 0
            if byUser >= limits.perAccount || byAddress >= limits.perAddress {
                try await Self.insert(SecurityLogEntry(at: now, action: "loginThrottled", username: username, ip: ip), in: db)
                return nil
            }
            let row = try await db.first(
                "INSERT INTO security_log (at, action, username, ip, detail) VALUES (?, 'loginAttempt', ?, ?, '') RETURNING id",
                Timestamp.string(now), username, ip)
            guard let id = row?.int("id") else { throw StoreError.unreadable("security_log.id") }
            return Int64(id)
        }
    }

    /// Turns an attempt's line into what it became: `login` or `loginFailed`.
    public func finishSignIn(attempt id: Int64, action: String, staffID: Int64?, detail: String = "") async throws {
        try await database.write { db in
            try await db.execute("UPDATE security_log SET action = ?, staff_id = ?, detail = ? WHERE id = ?", action, staffID, detail, id)
        }
    }

    /// The newest entries first.
    public func securityLog(limit: Int = 200, action: String? = nil) async throws -> [SecurityLogEntry] {
        try await database.read { db in
            let rows: [SQLRow]
            if let action {
                rows = try await db.query("SELECT * FROM security_log WHERE action = ? ORDER BY id DESC LIMIT ?", action, limit)
            } else {
                rows = try await db.query("SELECT * FROM security_log ORDER BY id DESC LIMIT ?", limit)
            }
            return rows.map { row in
                SecurityLogEntry(
                    at: Timestamp.date(row.string("at") ?? "") ?? .distantPast, action: row.string("action") ?? "",
                    staffID: row.int("staff_id").map(Int64.init), username: row.string("username"),
                    ip: row.string("ip") ?? "", detail: row.string("detail") ?? "")
            }
        }
    }
}

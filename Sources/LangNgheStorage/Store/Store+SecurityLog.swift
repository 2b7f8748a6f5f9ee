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

    /// Failed sign-ins since `since`, for this username and for this address (throttling).
    public func failedLogins(username: String, ip: String, since: Date) async throws -> (byUser: Int, byIP: Int) {
        try await database.read { db in
            let from = Timestamp.string(since)
            let user = try await db.first(
                "SELECT COUNT(*) AS n FROM security_log WHERE action = 'loginFailed' AND username = ? AND at >= ?", username, from)
            let address = try await db.first(
                "SELECT COUNT(*) AS n FROM security_log WHERE action = 'loginFailed' AND ip = ? AND at >= ?", ip, from)
            return (user?.int("n") ?? 0, address?.int("n") ?? 0)
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

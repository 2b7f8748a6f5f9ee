import Foundation
import LangNgheCore

public struct StaffAccount: Sendable, Hashable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var agencyCode: String
    public var role: StaffRole
    public var active: Bool

    public var identity: StaffIdentity {
        StaffIdentity(id: id, username: username, agencyCode: agencyCode, role: role)
    }
}

extension Store {
    /// Creates a staff account with an already hashed password.
    public func createStaff(
        username: String, displayName: String, agencyCode: String, role: StaffRole, passwordHash: String
    ) async throws -> StaffAccount {
        try await database.write { db in
            if try await db.first("SELECT id FROM staff WHERE username = ?", username) != nil {
                throw StoreError.alreadyExists(username)
            }
            guard try await db.first("SELECT code FROM agencies WHERE code = ?", agencyCode) != nil else {
                throw StoreError.notFound
            }
            guard
                let id = try await db.first(
                    """
                    INSERT INTO staff (username, display_name, agency_code, role, password_hash, active, created_at)
                    VALUES (?, ?, ?, ?, ?, 1, ?) RETURNING id
                    """, username, displayName, agencyCode, role.rawValue, passwordHash, Timestamp.string(Date()))?.int("id")
            else { throw StoreError.notFound }
            return StaffAccount(
                id: Int64(id), username: username, displayName: displayName, agencyCode: agencyCode, role: role, active: true)
        }
    }

    /// An account and its password hash, by username (for signing in).
    public func staffCredentials(username: String) async throws -> (StaffAccount, String)? {
        try await database.read { db in
            guard let row = try await db.first("SELECT * FROM staff WHERE username = ?", username),
                let account = StaffAccount(row: row)
            else { return nil }
            return (account, row.string("password_hash") ?? "")
        }
    }

    public func staff(id: Int64) async throws -> StaffAccount? {
        try await database.read { db in
            try await db.first("SELECT * FROM staff WHERE id = ?", id).flatMap(StaffAccount.init(row:))
        }
    }

    /// Every account, by agency and username.
    public func allStaff() async throws -> [StaffAccount] {
        try await database.read { db in
            try await db.query("SELECT * FROM staff ORDER BY agency_code, username").compactMap(StaffAccount.init(row:))
        }
    }

    /// Changes an account's role, agency or active flag. Disabling it, or changing what it may
    /// do, ends all of its sessions and tokens at once.
    public func updateStaff(id: Int64, role: StaffRole, agencyCode: String, active: Bool) async throws {
        try await database.write { db in
            guard let current = try await db.first("SELECT * FROM staff WHERE id = ?", id).flatMap(StaffAccount.init(row:)) else {
                throw StoreError.notFound
            }
            guard try await db.first("SELECT code FROM agencies WHERE code = ?", agencyCode) != nil else {
                throw StoreError.notFound
            }
            try await db.execute(
                "UPDATE staff SET role = ?, agency_code = ?, active = ? WHERE id = ?", role.rawValue, agencyCode, active, id)
            if !active || current.role != role || current.agencyCode != agencyCode {
                try await db.execute("DELETE FROM sessions WHERE staff_id = ?", id)
            }
        }
    }

    /// Demo accounts (created by `seed demo`, usernames `demo-…`, passwords in the README) must
    /// never be usable in production.
    public func hasDemoAccounts() async throws -> Bool {
        try await database.read { db in
            try await db.first("SELECT id FROM staff WHERE username LIKE 'demo-%' AND active = 1") != nil
        }
    }
}

extension StaffAccount {
    init?(row: SQLRow) {
        guard let id = row.int("id"), let role = StaffRole(rawValue: row.string("role") ?? "") else { return nil }
        self.init(
            id: Int64(id), username: row.string("username") ?? "", displayName: row.string("display_name") ?? "",
            agencyCode: row.string("agency_code") ?? "", role: role, active: row.bool("active"))
    }
}

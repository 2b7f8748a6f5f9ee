import Foundation
import LangNgheCore

public struct StaffAccount: Sendable, Hashable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var agencyCode: String
    public var role: StaffRole
    public var active: Bool
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
            guard let id = try await db.first(
                """
                INSERT INTO staff (username, display_name, agency_code, role, password_hash, active, created_at)
                VALUES (?, ?, ?, ?, ?, 1, ?) RETURNING id
                """, username, displayName, agencyCode, role.rawValue, passwordHash, Timestamp.string(Date()))?.int("id")
            else { throw StoreError.notFound }
            return StaffAccount(
                id: Int64(id), username: username, displayName: displayName, agencyCode: agencyCode, role: role, active: true)
        }
    }

    public func staffCount() async throws -> Int {
        try await database.read { db in try await db.first("SELECT COUNT(*) AS n FROM staff")?.int("n") ?? 0 }
    }
}

extension Store {
    /// Demo accounts (created by `seed demo`, usernames `demo-…`, passwords in the README) must
    /// never be usable in production.
    public func hasDemoAccounts() async throws -> Bool {
        try await database.read { db in
            try await db.first("SELECT id FROM staff WHERE username LIKE 'demo-%' AND active = 1") != nil
        }
    }
}

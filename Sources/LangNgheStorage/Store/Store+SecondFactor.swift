import Foundation
import LangNgheCore

/// A staff member's second factor as stored: the TOTP secret (opened), whether enrolment was
/// confirmed, and the last time step a code was accepted for.
public struct SecondFactorRecord: Sendable, Hashable {
    public var secret: String
    public var enabled: Bool
    public var lastStep: Int64?
}

extension Store {
    public func secondFactor(staffID: Int64) async throws -> SecondFactorRecord? {
        try await database.read { db in
            guard let row = try await db.first("SELECT totp_secret, totp_enabled_at, totp_last_step FROM staff WHERE id = ?", staffID),
                let sealed = row.string("totp_secret")
            else { return nil }
            let secret = try await self.dataKey(in: db, create: false).open(sealed)
            return SecondFactorRecord(
                secret: secret, enabled: row.string("totp_enabled_at") != nil, lastStep: row.int("totp_last_step").map(Int64.init))
        }
    }

    /// Keeps a new secret, not yet confirmed (enrolment begun; a second start replaces it).
    public func beginEnrolment(staffID: Int64, secret: String) async throws {
        try await database.write { db in
            let key = try await self.dataKey(in: db, create: true)
            try await db.execute(
                "UPDATE staff SET totp_secret = ?, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ? AND totp_enabled_at IS NULL",
                try key.seal(secret), staffID)
        }
    }

    /// Confirms enrolment with the step of the code shown, and keeps the recovery codes' hashes;
    /// the account's password-only sessions end.
    public func confirmEnrolment(staffID: Int64, step: Int64, recoveryHashes: [String], at now: Date) async throws {
        try await database.write { db in
            try await db.execute(
                "UPDATE staff SET totp_enabled_at = ?, totp_last_step = ? WHERE id = ?", Timestamp.string(now), step, staffID)
            try await db.execute("DELETE FROM recovery_codes WHERE staff_id = ?", staffID)
            for hash in recoveryHashes {
                try await db.execute("INSERT INTO recovery_codes (staff_id, code_hash) VALUES (?, ?)", staffID, hash)
            }
            try await db.execute("DELETE FROM sessions WHERE staff_id = ? AND enrol_only = 1", staffID)
        }
    }

    /// Accepts a code's time step once: false when it, or a later one, was accepted already
    /// (a code seen over a shoulder cannot be used again).
    public func useTOTPStep(staffID: Int64, step: Int64) async throws -> Bool {
        try await database.write { db in
            try await db.first(
                "UPDATE staff SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?) RETURNING id", step,
                staffID, step
            ) != nil
        }
    }

    /// Uses a recovery code once.
    public func useRecoveryCode(staffID: Int64, hash: String, at now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.first(
                "UPDATE recovery_codes SET used_at = ? WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL RETURNING staff_id",
                Timestamp.string(now), staffID, hash) != nil
        }
    }

    public func unusedRecoveryCodes(staffID: Int64) async throws -> Int {
        try await database.read { db in
            try await db.first("SELECT COUNT(*) AS n FROM recovery_codes WHERE staff_id = ? AND used_at IS NULL", staffID)?.int("n") ?? 0
        }
    }

    /// An admin's reset: the secret and the recovery codes go, and every session of the account
    /// ends; the reset is logged in the same transaction.
    public func resetSecondFactor(staffID: Int64, audit: SecurityLogEntry) async throws {
        try await database.write { db in
            try await db.execute("UPDATE staff SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?", staffID)
            try await db.execute("DELETE FROM recovery_codes WHERE staff_id = ?", staffID)
            try await db.execute("DELETE FROM sessions WHERE staff_id = ?", staffID)
            try await Self.insert(audit, in: db)
        }
    }
}

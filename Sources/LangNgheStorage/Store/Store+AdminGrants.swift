import Foundation
import LangNgheCore

/// Four eyes on the most powerful role: one admin asks for an account to become an admin,
/// another confirms. Neither can do it alone.
extension Store {
    /// Records `by`'s request that account `staffID` become an admin (replacing an older one).
    public func requestAdminGrant(for staffID: Int64, by requester: Int64, at date: Date) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM admin_grants WHERE staff_id = ?", staffID)
            try await db.execute(
                "INSERT INTO admin_grants (staff_id, requested_by, requested_at) VALUES (?, ?, ?)", staffID, requester,
                Timestamp.string(date))
        }
    }

    /// Pending requests: the account asked for, and who asked.
    public func pendingAdminGrants() async throws -> [Int64: Int64] {
        try await database.read { db in
            var grants: [Int64: Int64] = [:]
            for row in try await db.query("SELECT staff_id, requested_by FROM admin_grants") {
                guard let staff = row.int("staff_id"), let requester = row.int("requested_by") else {
                    throw StoreError.unreadable("admin_grants")
                }
                grants[Int64(staff)] = Int64(requester)
            }
            return grants
        }
    }

    /// Makes the account an admin if another admin asked for it; its sessions end. Returns false
    /// when there is no request, or when `confirmer` is the one who asked.
    public func confirmAdminGrant(for staffID: Int64, by confirmer: Int64) async throws -> Bool {
        try await database.write { db in
            // The one who asked must still be an active admin, and the account still active.
            guard
                let row = try await db.first(
                    """
                    SELECT g.requested_by FROM admin_grants g JOIN staff r ON r.id = g.requested_by JOIN staff t ON t.id = g.staff_id
                    WHERE g.staff_id = ? AND r.role = 'admin' AND r.active = 1 AND t.active = 1
                    """, staffID),
                let requester = row.int("requested_by"), Int64(requester) != confirmer, staffID != confirmer
            else { return false }
            try await db.execute("UPDATE staff SET role = ? WHERE id = ?", StaffRole.admin.rawValue, staffID)
            try await db.execute("DELETE FROM admin_grants WHERE staff_id = ?", staffID)
            try await db.execute("DELETE FROM sessions WHERE staff_id = ?", staffID)
            return true
        }
    }
}

import Foundation
import LangNgheStorage

extension Store {
    /// An admin's change, in the security log: who, from where, when, and what.
    func logAdminChange<Gate: StaffGate>(_ action: String, by context: StaffContext<Gate>, at now: Date, _ detail: String) async throws {
        try await log(
            SecurityLogEntry(
                at: now, action: action, staffID: context.staff.id, username: context.staff.username, ip: context.ip, detail: detail))
    }
}

import Foundation
import LangNgheCore

/// Dates as people in Vietnam read them: local time (UTC+7), day first.
enum DisplayDate {
    /// A calendar day: 17/02/2026.
    static func format(_ date: CivilDate) -> String {
        let iso = date.iso
        return String(iso.suffix(2)) + "/" + String(iso.dropFirst(5).prefix(2)) + "/" + String(iso.prefix(4))
    }

    static func format(_ date: Date) -> String {
        let local = Timestamp.string(date.addingTimeInterval(7 * 3600))
        let u = Array(local)
        // 2026-11-29T09:12:09.123Z → 29/11/2026 09:12
        return String(u[8...9]) + "/" + String(u[5...6]) + "/" + String(u[0...3]) + " " + String(u[11...15])
    }
}

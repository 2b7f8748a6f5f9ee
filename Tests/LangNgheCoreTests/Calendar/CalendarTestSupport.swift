import Foundation
import LangNgheCore

/// A civil date from its ISO form; the tests only use valid literals.
func civil(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// An instant written in ISO 8601 with its offset, e.g. "2026-02-11T10:00:00+07:00".
func isoInstant(_ iso: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: iso) else { fatalError("bad test instant \(iso)") }
    return date
}

/// The official overrides shipped with the storage library, read from the source tree
/// (relative to this file) so that the core tests need no resource bundle.
func officialOverrides(filePath: String = #filePath) throws -> [CalendarOverride] {
    let root = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Calendar
        .deletingLastPathComponent()  // LangNgheCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    let url = root.appendingPathComponent("Sources/LangNgheStorage/ReferenceData/calendar-overrides.json")
    return try JSONDecoder().decode([CalendarOverride].self, from: Data(contentsOf: url))
}

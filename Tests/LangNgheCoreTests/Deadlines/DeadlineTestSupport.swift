import Foundation
import LangNgheCore

/// A petition's log for the deadline tests, written in Vietnam time:
/// `Log().with(.submitted, "2026-03-11 10:00").with(.answerPublished, "2026-04-08 16:00")`.
struct Log {
    private(set) var events: [PetitionEvent] = []

    /// The log with one more event; the agency is the one recording it.
    func with(
        _ type: EventType, _ at: String, agency: String? = nil, isPublic: Bool? = nil, data: [String: String] = [:]
    ) -> Log {
        var log = self
        let instant = isoInstant(at.replacingOccurrences(of: " ", with: "T") + ":00+07:00")
        log.events.append(
            PetitionEvent(
                sequence: events.count + 1, type: type, at: instant, actor: .system, agencyCode: agency,
                isPublic: isPublic, data: data))
        return log
    }

    /// The log with one more event of this body.
    func with(_ body: any EventBody, _ at: String, agency: String? = nil) -> Log {
        var log = self
        let instant = isoInstant(at.replacingOccurrences(of: " ", with: "T") + ":00+07:00")
        log.events.append(PetitionEvent(sequence: events.count + 1, at: instant, actor: .system, agencyCode: agency, body: body))
        return log
    }
}

extension DeadlineEngine {
    /// The engine with the official calendar of 2025–2026.
    static func official(policies: [DeadlinePolicy] = DeadlinePolicy.defaults) throws -> DeadlineEngine {
        DeadlineEngine(calendar: WorkingCalendar(overrides: try officialOverrides()), policies: policies)
    }

    /// The deadlines of `log` on `today`, for a petition of no particular field.
    func deadlines(_ log: Log, today: String, field: String? = nil) -> [Deadline] {
        deadlines(for: log.events, fieldCode: field, category: .regulation, today: civil(today))
    }

    /// The deadlines of one policy.
    func deadlines(_ policy: String, _ log: Log, today: String, field: String? = nil) -> [Deadline] {
        deadlines(log, today: today, field: field).filter { $0.policy == policy }
    }

    /// The answer deadline of `log` on `today`.
    func answer(_ log: Log, today: String, field: String? = nil) -> Deadline? {
        answerDeadline(for: log.events, fieldCode: field, category: .regulation, today: civil(today))
    }
}

/// The deadline policies shipped with the storage library, read from the source tree (relative
/// to this file) like `officialOverrides`.
func shippedPolicies(filePath: String = #filePath) throws -> [DeadlinePolicy] {
    let root = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Deadlines
        .deletingLastPathComponent()  // LangNgheCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    let url = root.appendingPathComponent("Sources/LangNgheStorage/ReferenceData/deadline-policies.json")
    return try JSONDecoder().decode([DeadlinePolicy].self, from: Data(contentsOf: url))
}

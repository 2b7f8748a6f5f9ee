import Foundation
import LangNgheCore
import LangNgheStorage
import Logging

/// Once per case and day: a reminder for answers due within three working days, a mark on
/// overdue ones, and a flag on cases late for seven days or more without a public progress
/// update. Safe to run on several instances at once: a lease keeps all but one idle, and the
/// reminders' unique key keeps each one single even if two ran.
struct ReminderJob: Sendable {
    static let leaseName = "reminders"
    let store: Store
    let deadlines: DeadlineService
    let holder: String

    struct Outcome: Sendable, Equatable {
        var ran: Bool
        var recorded: [Reminder.Kind: Int] = [:]
    }

    func runOnce(logger: Logger) async throws -> Outcome {
        let now = deadlines.environment.now()
        guard let outcome = try await store.withLease(Self.leaseName, holder: holder, now: now, for: 300, { try await record(now: now) })
        else {
            return Outcome(ran: false)
        }
        logger.info("reminders recorded", metadata: ["counts": "\(outcome.recorded.map { "\($0.key.rawValue)=\($0.value)" }.sorted())"])
        return outcome
    }

    private func record(now: Date) async throws -> Outcome {
        let engine = try await deadlines.engine()
        let today = deadlines.today
        var outcome = Outcome(ran: true)
        try await store.forEachOpenCase { openCase in
            for kind in Self.reminders(for: openCase, engine: engine, today: today) {
                guard
                    let due = engine.answerDeadline(
                        for: openCase.events, fieldCode: openCase.fieldCode, category: openCase.category, today: today)?.dueDate
                else { continue }
                let reminder = Reminder(
                    trackingCode: openCase.trackingCode, kind: kind, day: today, agencyCode: openCase.leadAgencyCode, dueDate: due)
                if try await store.recordReminder(reminder, now: now) { outcome.recorded[kind, default: 0] += 1 }
            }
            // The other clocks, for the agency that owes each: accepting or returning, replying.
            for (kind, clock) in Self.owedReminders(for: openCase, engine: engine, today: today) {
                let reminder = Reminder(
                    trackingCode: openCase.trackingCode, kind: kind, day: today, agencyCode: clock.agencyCode ?? openCase.leadAgencyCode,
                    dueDate: clock.dueDate)
                if try await store.recordReminder(reminder, now: now) { outcome.recorded[kind, default: 0] += 1 }
            }
        }
        return outcome
    }

    /// The forwarding and coordination clocks overdue today, per agency that owes them.
    static func owedReminders(for openCase: CaseLog, engine: DeadlineEngine, today: CivilDate) -> [(Reminder.Kind, Deadline)] {
        engine.deadlines(for: openCase.events, fieldCode: openCase.fieldCode, category: openCase.category, today: today).compactMap {
            clock in
            guard clock.isOverdue(today: today), let policy = engine.policies.first(where: { $0.code == clock.policy }) else { return nil }
            if policy.perAgency { return (.coordinationOverdue, clock) }
            if policy.stop.contains(.acknowledged) { return (.forwardOverdue, clock) }
            return nil
        }
    }

    /// Which reminders a case deserves today.
    static func reminders(for openCase: CaseLog, engine: DeadlineEngine, today: CivilDate) -> [Reminder.Kind] {
        guard
            let answer = engine.answerDeadline(
                for: openCase.events, fieldCode: openCase.fieldCode, category: openCase.category, today: today),
            answer.isOpen
        else { return [] }
        if !answer.isOverdue(today: today) {
            return answer.workingDaysLeft(today: today, calendar: engine.calendar) <= 3 ? [.dueSoon] : []
        }
        var kinds: [Reminder.Kind] = [.overdue]
        let lastUpdate = openCase.events.last { $0.type == .progressUpdated && $0.isPublic }.map { CivilDate.localDate(of: $0.at) }
        let lateSince = max(answer.dueDate, lastUpdate ?? answer.dueDate)
        if today.julianDay - lateSince.julianDay >= 7 { kinds.append(.lateWithoutUpdate) }
        return kinds
    }
}

import ArgumentParser
import Foundation
import LangNgheStorage

/// `langnghe jobs run-once`: the reminder job, the retention policy and the notifications due,
/// for cron or by hand.
/// Safe beside running servers: they share the jobs' leases and the reminders' unique key.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Công việc định kỳ / background jobs.", subcommands: [RunOnce.self])

    struct RunOnce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-once",
            abstract: "Nhắc hạn, đánh dấu quá hạn, xoá dữ liệu hết hạn lưu trữ một lần / reminders, overdue marks and retention, once.")

        func run() async throws {
            let settings = try StartUp.settings()
            let logger = StartUp.logger()
            try await StartUp.withPreparedStore(settings, logger: logger) { store in
                let deadlines = DeadlineService(store: store, environment: .live)
                let job = ReminderJob(store: store, deadlines: deadlines, holder: "cli-" + UUID().uuidString)
                let outcome = try await job.runOnce(logger: logger)
                guard outcome.ran else {
                    print("Another instance holds the job's lease; nothing done.")
                    return
                }
                for kind in Reminder.Kind.allCases { print("\(kind.rawValue): \(outcome.recorded[kind] ?? 0)") }
                let retention = RetentionJob(
                    store: store, policy: try ShippedData.retentionPolicy(), environment: .live, holder: "cli-" + UUID().uuidString)
                if let erased = try await retention.runOnce(logger: logger) {
                    for rule in try ShippedData.retentionPolicy().rules { print("erased (\(rule.code)): \(erased[rule.code] ?? 0)") }
                }
                // The notifications due now (the reminders' among them), until none is left.
                let delivery = NotificationDelivery(
                    settings: settings, store: store, catalogue: try Catalogue.bundled(), environment: .live,
                    holder: "cli-" + UUID().uuidString, logger: logger)
                var total = NotificationDelivery.Outcome()
                while true {
                    let round = try await delivery.runOnce(logger: logger)
                    total.sent += round.sent
                    total.retried += round.retried
                    total.failed += round.failed
                    if round.taken < delivery.batchSize { break }
                }
                print("notifications sent: \(total.sent), to retry: \(total.retried), failed: \(total.failed)")
            }
        }
    }
}

import ArgumentParser
import Foundation
import LangNgheStorage

/// `langnghe jobs run-once`: the reminder job, for cron or by hand. Safe beside running
/// servers: they share its lease and the reminders' unique key.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Công việc định kỳ / background jobs.", subcommands: [RunOnce.self])

    struct RunOnce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-once",
            abstract: "Nhắc hạn, đánh dấu quá hạn một lần / record today's reminders and overdue marks once.")

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
            }
        }
    }
}

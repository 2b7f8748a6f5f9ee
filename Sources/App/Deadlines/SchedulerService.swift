import Foundation
import LangNgheStorage
import Logging
import ServiceLifecycle

/// Runs the reminder job and the retention policy, signs a head of the tamper-evident log,
/// publishes the last quarter's report when it is due and retrains the assistant daily, inside
/// the server every `interval`, until shutdown.
struct SchedulerService: Service {
    let job: ReminderJob
    let retention: RetentionJob
    let publication: ReportPublicationJob
    let training: AssistTrainingJob
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await job.runOnce(logger: logger)
            } catch {
                logger.error("reminder job failed", metadata: ["error": "\(error)"])
            }
            do {
                _ = try await retention.runOnce(logger: logger)
            } catch {
                logger.error("retention job failed", metadata: ["error": "\(error)"])
            }
            do {
                // A signed tree head of the log as it is now, for the feed and the audit.
                _ = try await job.store.treeHead(now: Date(), maxAge: 0)
            } catch {
                logger.error("signing the log's head failed", metadata: ["error": "\(error)"])
            }
            do {
                try await publication.runOnce(logger: logger)
            } catch {
                logger.error("publishing the quarterly report failed", metadata: ["error": "\(error)"])
            }
            do {
                try await training.runOnce(logger: logger)
            } catch {
                logger.error("training the assistant failed", metadata: ["error": "\(error)"])
            }
            // Sleeps until the next run, or returns at once when the server shuts down.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

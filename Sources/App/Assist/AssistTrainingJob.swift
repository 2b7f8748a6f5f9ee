import Foundation
import LangNgheStorage
import Logging

/// Retrains the assistant once a day, inside the server's scheduler: the newest routings teach
/// it, so a reorganised agency's cases are learned within a day. Safe on several instances: a
/// lease keeps all but one idle, and the model is stored for all of them.
struct AssistTrainingJob: Sendable {
    static let leaseName = "assist-training"
    static let age: TimeInterval = 86_400
    let store: Store
    let environment: AppEnvironment
    let holder: String

    /// Trains when the stored model is a day old or missing; nil when nothing was due.
    @discardableResult
    func runOnce(logger: Logger) async throws -> AssistTraining.Summary? {
        let now = environment.now()
        if let trained = try await store.assistModelTrainedAt(), now.timeIntervalSince(trained) < Self.age, trained <= now { return nil }
        let summary = try await store.withLease(Self.leaseName, holder: holder, now: now, for: 900) {
            try await AssistTraining.train(store, now: now)
        }
        guard let summary else { return nil }
        logger.notice(
            "assistant trained",
            metadata: [
                "cases": "\(summary.cases)", "agencies": "\(summary.agencies)", "seconds": "\(String(format: "%.1f", summary.seconds))",
            ])
        return summary
    }
}

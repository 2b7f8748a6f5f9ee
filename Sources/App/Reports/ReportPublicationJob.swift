import Foundation
import LangNgheCore
import LangNgheStorage
import Logging

/// Publishes each quarter's public report on the portal once the quarter is over (issue 13 §4),
/// signed by the Government Office. Safe on several instances: a lease keeps all but one idle,
/// and a period is published once (`Store.publish`).
struct ReportPublicationJob: Sendable {
    static let leaseName = "report-publication"
    let reports: ReportService
    let passphrase: CAPassphrase
    let environment: AppEnvironment
    let holder: String

    @discardableResult
    func runOnce(logger: Logger) async throws -> ReportPeriod? {
        let now = environment.now()
        let published = try await reports.store.withLease(Self.leaseName, holder: holder, now: now, for: 600) {
            try await reports.publishDue(passphrase: passphrase, now: now)
        }
        guard let quarter = published ?? nil else { return nil }
        logger.notice("quarterly report published", metadata: ["period": "\(quarter.label)"])
        return quarter
    }
}

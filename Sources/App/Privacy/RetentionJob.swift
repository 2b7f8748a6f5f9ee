import Foundation
import LangNgheCore
import LangNgheStorage
import Logging

/// Applies the retention policy (`retention-policy.json`, Law 91/2025): each finished case whose
/// rule's years have passed gets a `personalDataErased` event, which erases the submitter's
/// details in the same transaction, and their attachments' bytes right after; and what is kept
/// only for a while (idempotency receipts after a day, rate-limit counts) is deleted. Run by the scheduler beside
/// the reminders, and by `langnghe jobs run-once`; a lease keeps it to one instance at a time.
struct RetentionJob: Sendable {
    static let leaseName = "retention"
    let store: Store
    let policy: RetentionPolicy
    let environment: AppEnvironment
    let holder: String

    /// How many cases were erased, per rule; nil when another instance holds the lease.
    func runOnce(logger: Logger) async throws -> [String: Int]? {
        let now = environment.now()
        let done = try await store.withLease(Self.leaseName, holder: holder, now: now, for: 600) {
            // The bytes of attachments no case holds any more go last, those just erased with them.
            (
                erased: try await erase(now: now), purged: try await store.purgeExpired(now: now),
                swept: try await store.sweepAttachmentContents()
            )
        }
        guard let done else { return nil }
        logger.info("retention applied", metadata: ["erased": "\(done.erased.map { "\($0.key)=\($0.value)" }.sorted())"])
        logger.info("attachment contents no case holds deleted", metadata: ["files": "\(done.swept)"])
        logger.info(
            "expired rows purged",
            metadata: ["idempotencyKeys": "\(done.purged.idempotencyKeys)", "rateLimitHits": "\(done.purged.rateLimitHits)"])
        return done.erased
    }

    private func erase(now: Date) async throws -> [String: Int] {
        var erased: [String: Int] = [:]
        for rule in policy.rules {
            while true {
                let due = try await store.casesDueForErasure(rule, now: now)
                for code in due {
                    let (events, _) = try await store.append(to: code) { state in
                        // Checked again inside the case's transaction: it may have changed.
                        guard rule.statuses.contains(state.status), !state.personalDataErased else { return [] }
                        return [
                            PetitionEvent(
                                sequence: 0, at: now, actor: .system, agencyCode: nil,
                                body: PersonalDataErased(retentionRule: rule.code, legalBasis: policy.legalBasis))
                        ]
                    }
                    erased[rule.code, default: 0] += events.count
                }
                if due.count < 500 { break }
            }
        }
        return erased
    }
}

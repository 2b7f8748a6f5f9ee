import Foundation
import LangNgheCore
import LangNgheStorage
import Logging

/// The delivery worker (issue 14 §1): takes due notifications from the outbox under a lease,
/// sends them, and marks each one. Several server instances on one PostgreSQL run one each and
/// never take the same notification; a message is marked `sending` just before it becomes
/// final, so a crash after that point leaves it `unconfirmed` rather than sent twice.
struct NotificationDelivery: Sendable {
    let store: Store
    let texts: NotificationTexts
    let mail: any MailTransport
    let sms: any SMSGateway
    let environment: AppEnvironment
    let holder: String
    var batchSize = 50
    /// How long a worker holds what it took: far beyond one batch's time limit.
    var lease: TimeInterval = 600
    /// Attempts before a notification is `failed` for good (about twenty hours of retries).
    static let maxAttempts = 12
    /// The digests go out once a day, from this local hour (end of the working day).
    static let digestHour = 16

    struct Outcome: Sendable, Equatable {
        var sent = 0
        var retried = 0
        var failed = 0
        var abandoned = 0
        var taken: Int { sent + retried + failed + abandoned }
    }

    /// One round: the day's digests folded if due, then up to `batchSize` notifications sent.
    func runOnce(logger: Logger? = nil) async throws -> Outcome {
        let now = environment.now()
        if let start = Self.digestStart(now: now) { try await store.foldDigests(now: now, dayStart: start) }
        let items = try await store.claimNotifications(holder: holder, now: now, lease: lease, limit: batchSize)
        var outcome = Outcome()
        guard !items.isEmpty else { return outcome }
        var results: [(OutboxItem, DeliveryResult)] = []
        let nowhere = items.filter { $0.address.isEmpty }
        results += nowhere.map { ($0, .failed("no address to send to (erased, or removed from the account)", permanent: true)) }
        let mails = items.filter { $0.channel == .email && !$0.address.isEmpty }
        if !mails.isEmpty {
            let messages = mails.map { texts.mail($0, now: now) }
            let sent = await mail.deliver(messages) { [store, holder, lease, environment] index in
                try await store.markNotificationSending(mails[index].id, holder: holder, now: environment.now(), lease: lease)
            }
            results += zip(mails, sent).map { ($0, $1) }
        }
        for item in items where item.channel == .sms && !item.address.isEmpty {
            let result = await sms.send(
                to: PetitionDraft.canonicalPhone(item.address), text: texts.sms(item, gsm7: sms.gsm7), id: item.messageID
            ) {
                [store, holder, lease, environment] in
                try await store.markNotificationSending(item.id, holder: holder, now: environment.now(), lease: lease)
            }
            results.append((item, result))
        }
        for (item, result) in results {
            switch result {
            case .sent:
                try await store.markNotificationSent(item.id, holder: holder, now: environment.now())
                outcome.sent += 1
            case .abandoned:
                outcome.abandoned += 1
            case .failed(let said, let permanent):
                // Servers quote the recipient ("550 <an@…>: unknown"): kept and logged without it,
                // since the admins' page and the log are no place for a submitter's address.
                let reason = item.address.isEmpty ? said : said.replacingOccurrences(of: item.address, with: "…", options: .caseInsensitive)
                let attempt = item.attempts + 1
                let retry = permanent || attempt >= Self.maxAttempts ? nil : now.addingTimeInterval(Self.backoff(attempt: attempt))
                try await store.markNotificationFailed(item.id, holder: holder, error: reason, retryAt: retry)
                if retry == nil { outcome.failed += 1 } else { outcome.retried += 1 }
                logger?.warning(
                    "notification not sent", metadata: ["id": "\(item.id)", "attempt": "\(attempt)", "reason": "\(reason.prefix(200))"])
            }
        }
        return outcome
    }

    /// The wait before attempt `attempt + 1`: a minute doubled each time, at most six hours, drawn
    /// between half and all of it, so that workers coming back after an outage do not all knock
    /// at once.
    static func backoff(attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        let full = min(6 * 3600, 60 * pow(2, Double(max(0, attempt - 1))))
        return full / 2 + random * full / 2
    }

    /// The start of today's digest time (16:00 in Vietnam), once it has come; nil before it.
    static func digestStart(now: Date) -> Date? {
        let offset = 7 * 3600
        let today = CivilDate.localDate(of: now, offsetSeconds: offset)
        let start = today.startOfDay(offsetSeconds: offset).addingTimeInterval(TimeInterval(digestHour * 3600))
        return now >= start ? start : nil
    }
}

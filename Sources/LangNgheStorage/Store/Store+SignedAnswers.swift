import Foundation
import LangNgheCore

extension Store {
    /// The signed document of a case's published answer: the approval that preceded its last
    /// publication. Nil when nothing is published, or the answer was approved before signing.
    public func signedAnswer(_ code: TrackingCode) async throws -> SignedAnswer? {
        try await database.read { db in
            guard let id = try await db.first("SELECT id FROM petitions WHERE tracking_code = ?", code.description)?.int("id") else {
                return nil
            }
            let log = try await Self.events(petitionID: Int64(id), in: db)
            guard let index = log.lastIndex(where: { $0.type == .answerPublished }) else { return nil }
            return log.signedAnswer(publishedAt: index)
        }
    }

    /// Whether the case's log holds an approval with exactly this signature: a document signed
    /// with a stolen key, or backdated before a revocation, was never recorded.
    public func isRecorded(_ signed: SignedAnswer) async throws -> Bool {
        guard let code = TrackingCode(signed.document.trackingCode) else { return false }
        return try await database.read { db in
            guard let id = try await db.first("SELECT id FROM petitions WHERE tracking_code = ?", code.description)?.int("id") else {
                return false
            }
            return try await db.query(
                "SELECT data FROM events WHERE petition_id = ? AND type = ?", Int64(id), EventType.answerApproved.rawValue
            ).contains { row in
                let data = Data((row.string("data") ?? "").utf8)
                return (try? JSONDecoder().decode(AnswerApproved.self, from: data))?.signed?.signature == signed.signature
            }
        }
    }

    /// Checks a document as the server does: the roots, revocations and register it keeps, and
    /// that the signature is recorded in the case's log.
    public func verify(_ signed: SignedAnswer) async throws -> Verification {
        var result = try await answerVerifier().verify(signed)
        if result.valid, !(try await isRecorded(signed)) {
            result.valid = false
            result.reason = .notRecorded
        }
        return result
    }

    /// Checks a signed report against the roots, revocations and register the server keeps.
    public func verify(_ signed: SignedReport) async throws -> Verification {
        await (try answerVerifier()).verify(signed)
    }
}

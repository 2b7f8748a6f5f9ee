import Crypto
import Foundation

/// Short texts sealed with AES-GCM (secret and tamper-evident) as URL-safe base64: the receipt
/// cookie and the receipts kept for `Idempotency-Key`.
enum Sealing {
    /// A key for one purpose, derived from the server's secret (and anything else given).
    static func key(_ parts: String...) -> SymmetricKey {
        SymmetricKey(data: SHA256.hash(data: Data(parts.joined(separator: ":").utf8)))
    }

    static func seal(_ text: String, with key: SymmetricKey) throws -> String {
        guard let sealed = try AES.GCM.seal(Data(text.utf8), using: key).combined else { throw AppError.malformedRequest }
        return sealed.base64URLEncoded
    }

    /// The text, or nil if it was not sealed with this key or was altered.
    static func open(_ sealed: String, with key: SymmetricKey) -> String? {
        guard sealed.utf8.count <= 4096, let data = Data(base64URLEncoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }
}

import Crypto
import Foundation
import LangNgheCore
import LangNgheStorage

/// An API client's `Idempotency-Key` on a submission: the same key and the same request give
/// the same petition (its receipt again); the same key with another request is a conflict. The
/// database keeps hashes and the receipt sealed under a key derived from the client's key and
/// the server's secret, so neither the table nor the secret alone opens an access key.
struct IdempotencyKey: Sendable {
    static let header = "Idempotency-Key"
    let key: String
    /// SHA-256 of what was asked: the petition's JSON (canonical) and each file's bytes.
    let requestHash: String
    let sealingKey: SymmetricKey

    /// Reads the header: 1 to 200 visible ASCII characters.
    init?(_ header: String?, request: [UInt8], files: [(name: String, bytes: [UInt8])], secret: String) throws {
        guard let header else { return nil }
        guard (1...200).contains(header.utf8.count), header.utf8.allSatisfy({ (33...126).contains($0) }) else {
            throw AppError.validation([FieldError(Self.header, .invalidCharacters)])
        }
        key = header
        // The JSON's meaning, not its spelling: a client that serialises its keys in another
        // order on a retry sends the same request. Each file by its name and its hash.
        var asked = (try? JSONDecoder().decode(CanonicalJSON.self, from: Data(request)))?.bytes ?? request
        for file in files { asked += [0] + Array(file.name.utf8) + [0] + Array(Hashing.sha256Hex(file.bytes).utf8) }
        requestHash = Hashing.sha256Hex(asked)
        sealingKey = Sealing.key("idempotency", secret, header)
    }

    var keyHash: String { Hashing.sha256Hex("idempotency:" + key) }

    /// The record to store with the petition: the access key and the time, sealed.
    func record(accessKey: String, receivedAt: Date) throws -> IdempotencyRecord {
        let sealed = try Sealing.seal(accessKey + "\n" + Timestamp.string(receivedAt), with: sealingKey)
        return IdempotencyRecord(keyHash: keyHash, requestHash: requestHash, sealedReceipt: sealed)
    }

    /// The receipt of an earlier submission with this key, or the conflict if the request differs.
    func replay(_ record: IdempotencyRecord) throws -> IntakeService.Receipt {
        guard ConstantTime.equal(record.requestHash, requestHash) else { throw AppError.conflict("conflict_idempotencyKeyReused") }
        guard let plain = Sealing.open(record.sealedReceipt, with: sealingKey) else {
            throw AppError.conflict("conflict_idempotencyKeyReused")
        }
        let parts = plain.split(separator: "\n").map(String.init)
        guard parts.count == 2, let code = record.trackingCode, let at = Timestamp.date(parts[1]) else {
            throw AppError.conflict("conflict_idempotencyKeyReused")
        }
        return IntakeService.Receipt(trackingCode: code, accessKey: parts[0], receivedAt: at)
    }
}

import Crypto
import Foundation
import LangNgheCore

/// A signed tree head: the log's size and root at a time, signed with the log's key (ECDSA
/// P-256 over SHA-256). Published heads are what make the log tamper-evident against someone
/// who can write to the database: rewriting an event and its leaf alike changes the root of
/// every head signed after it, and the key that could sign a new one is sealed outside the
/// database (under `LANGNGHE_DATA_KEY`).
public struct TreeHead: Sendable, Equatable {
    public let size: Int
    public let root: [UInt8]
    /// When it was signed, exactly as signed (RFC 3339 with milliseconds, UTC).
    public let timestamp: String
    public let keyID: Int
    /// The signature, DER-encoded, over `signedBytes`.
    public let signature: [UInt8]

    public init(size: Int, root: [UInt8], timestamp: String, keyID: Int, signature: [UInt8]) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
        self.keyID = keyID
        self.signature = signature
    }

    /// What is signed: `{"root":"<hex>","size":n,"time":"<RFC 3339, ms, UTC>"}` in canonical JSON.
    public var signedBytes: [UInt8] {
        Self.signedBytes(size: size, root: root, timestamp: timestamp)
    }

    public var signedAt: Date { Timestamp.date(timestamp) ?? .distantPast }

    static func signedBytes(size: Int, root: [UInt8], timestamp: String) -> [UInt8] {
        CanonicalJSON.object(["root": .string(root.hex), "size": .int(Int64(size)), "time": .string(timestamp)]).bytes
    }

    /// Whether `publicKey` (PEM) signed this head.
    public func isSigned(by publicKey: String) -> Bool {
        guard let key = try? P256.Signing.PublicKey(pemRepresentation: publicKey),
            let signature = try? P256.Signing.ECDSASignature(derRepresentation: signature)
        else { return false }
        return key.isValidSignature(signature, for: signedBytes)
    }
}

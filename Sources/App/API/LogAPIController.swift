import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/log/head`: the tamper-evident log's newest signed tree head, for anyone to keep and
/// compare later (a log that rewrote its past cannot show a root that matches it).
struct LogAPIController {
    let store: Store
    let environment: AppEnvironment
    /// A new head at most this often on demand; the scheduler signs one every run besides.
    static let headInterval: TimeInterval = 60

    struct HeadView: Encodable {
        var size: Int
        var rootHash: String
        var timestamp: String
        var keyId: Int
        /// ECDSA P-256 with SHA-256 over `signedDocument`, DER, base64.
        var signature: String
        /// The exact bytes signed: `{"root":…,"size":…,"time":…}` in canonical JSON.
        var signedDocument: String
        var publicKey: String

        init(_ head: TreeHead, publicKey: String) {
            size = head.size
            rootHash = head.root.hex
            timestamp = head.timestamp
            keyId = head.keyID
            signature = Data(head.signature).base64EncodedString()
            signedDocument = String(decoding: head.signedBytes, as: UTF8.self)
            self.publicKey = publicKey
        }
    }

    @Sendable func head(_ request: Request, context: AppRequestContext) async throws -> Response {
        let head = try await store.treeHead(now: environment.now(), maxAge: Self.headInterval)
        let keys = try await store.logPublicKeys()
        return JSONBody.response(HeadView(head, publicKey: keys[head.keyID] ?? ""))
    }
}

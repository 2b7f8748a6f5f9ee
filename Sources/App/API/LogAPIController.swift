import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/log/head`: the tamper-evident log's newest signed tree head, for anyone to keep and
/// compare later (a log that rewrote its past cannot show a root that matches it).
struct LogAPIController {
    let store: Store
    let environment: AppEnvironment
    let baseURL: String
    /// A new head at most this often on demand; the scheduler signs one every run besides.
    static let headInterval: TimeInterval = 60

    struct HeadView: Codable {
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

        /// The head it shows, when its hashes and signature read.
        var head: TreeHead? {
            guard let root = MerkleTree.hash(hex: rootHash), let signature = Data(base64Encoded: signature) else { return nil }
            return TreeHead(size: size, root: root, timestamp: timestamp, keyID: keyId, signature: Array(signature))
        }
    }

    @Sendable func head(_ request: Request, context: AppRequestContext) async throws -> Response {
        let head = try await store.treeHead(now: environment.now(), maxAge: Self.headInterval)
        let keys = try await store.logPublicKeys()
        return JSONBody.response(HeadView(head, publicKey: keys[head.keyID] ?? ""))
    }

    /// `?event=PAKN-2026-000001:3&size=N`: the audit path of a case's third event in the tree of
    /// the first N events (by default the newest head's size). Public events only.
    @Sendable func inclusion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let parts = query.get("event")?.split(separator: ":", maxSplits: 1) ?? []
        guard parts.count == 2, let code = TrackingCode(String(parts[0])), let sequence = Int(parts[1]),
            let entry = try await store.logEntry(code, sequence: sequence)
        else { throw AppError.validation([FieldError("event", query.get("event") == nil ? .required : .invalidChoice)]) }
        let size = try await requestedSize(query.get("size"), field: "size", atLeast: entry.position + 1)
        let proof = try await store.inclusionProof(index: entry.position, size: size)
        return JSONBody.response(
            InclusionProof(
                event: "\(code):\(sequence)", index: entry.position, size: size, leafHash: entry.leaf.hex,
                auditPath: proof.path.map(\.hex), rootHash: proof.root.hex))
    }

    /// `?from=M&to=N`: that the log's first M events are the start of its first N.
    @Sendable func consistency(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let to = try await requestedSize(query.get("to"), field: "to", atLeast: 1)
        let from = try await requestedSize(query.get("from"), field: "from", atLeast: 1, atMost: to, required: true)
        let proof = try await store.consistencyProof(from: from, to: to)
        return JSONBody.response(
            ConsistencyProof(
                from: from, to: to, fromRootHash: proof.fromRoot.hex, toRootHash: proof.toRoot.hex, proof: proof.proof.map(\.hex)))
    }

    /// A tree size asked for: a whole number from `atLeast` to `atMost` (by default the log's
    /// size); absent and not `required`, the newest head's size.
    private func requestedSize(_ text: String?, field: String, atLeast: Int, atMost: Int? = nil, required: Bool = false) async throws -> Int
    {
        let limit: Int
        if let atMost { limit = atMost } else { limit = try await store.logSize() }
        let size: Int?
        if let text {
            size = Int(text)
        } else if required {
            throw AppError.validation([FieldError(field, .required)])
        } else {
            size = try await store.treeHead(now: environment.now(), maxAge: Self.headInterval).size
        }
        guard let size, size >= atLeast, size <= limit else { throw AppError.validation([FieldError(field, .notInRange(max: limit))]) }
        return size
    }

    /// `/feeds/log.atom`: the newest signed heads, each as its JSON, for anyone to archive.
    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let heads = try await store.treeHeads(limit: 100)
        let keys = try await store.logPublicKeys()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return AtomFeed(
            title: "LangNghe — Đầu cây nhật ký đã ký / signed heads of the tamper-evident log", url: baseURL + Site.logFeed.path,
            updated: heads.first?.timestamp ?? AtomFeed.epoch, author: "Văn phòng Chính phủ",
            entries: try heads.map { head in
                AtomFeed.Entry(
                    title: "\(head.size) sự kiện / events — \(head.root.hex)", id: "urn:langnghe:log-head:\(head.size):\(head.root.hex)",
                    updated: head.timestamp,
                    content: String(decoding: try encoder.encode(HeadView(head, publicKey: keys[head.keyID] ?? "")), as: UTF8.self))
            }
        ).response
    }
}

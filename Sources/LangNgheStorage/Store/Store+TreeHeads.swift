import Crypto
import Foundation
import LangNgheCore

extension Store {
    /// The newest signed head, signing a new one first when the log has grown and the newest is
    /// older than `maxAge` seconds (or there is none): heads come on demand, at most one a
    /// `maxAge`, and the scheduler asks for one every run.
    public func treeHead(now: Date, maxAge: TimeInterval) async throws -> TreeHead {
        if let head = try await latestTreeHead(), now.timeIntervalSince(head.signedAt) < maxAge { return head }
        return try await database.write { db in
            let state = try await EventLog.state(dialect: self.dialect, in: db)
            if let head = try await Self.latestHead(in: db), head.size == state.size || now.timeIntervalSince(head.signedAt) < maxAge {
                return head
            }
            let (keyID, key) = try await self.logSigningKey(in: db, now: now)
            let (root, timestamp) = (state.root, Timestamp.string(now))
            let signature = try key.signature(for: TreeHead.signedBytes(size: state.size, root: root, timestamp: timestamp))
            let head = TreeHead(
                size: state.size, root: root, timestamp: timestamp, keyID: keyID, signature: Array(signature.derRepresentation))
            try await db.execute(
                "INSERT INTO log_heads (size, root, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)", head.size, head.root,
                timestamp, keyID, head.signature)
            return head
        }
    }

    public func latestTreeHead() async throws -> TreeHead? {
        try await database.read { db in try await Self.latestHead(in: db) }
    }

    /// The newest heads signed, newest first.
    public func treeHeads(limit: Int = 100) async throws -> [TreeHead] {
        try await database.read { db in
            try await db.query("SELECT size, root, signed_at, key_id, signature FROM log_heads ORDER BY size DESC LIMIT ?", limit)
                .compactMap(Self.head)
        }
    }

    /// The log's public keys by id, PEM: what anyone needs to check a head.
    public func logPublicKeys() async throws -> [Int: String] {
        try await database.read { db in
            var keys: [Int: String] = [:]
            for row in try await db.query("SELECT id, public_key FROM log_keys") {
                if let id = row.int("id"), let key = row.string("public_key") { keys[id] = key }
            }
            return keys
        }
    }

    static func latestHead(in db: any SQLConnection) async throws -> TreeHead? {
        try await db.first("SELECT size, root, signed_at, key_id, signature FROM log_heads ORDER BY size DESC LIMIT 1").flatMap(head)
    }

    static func head(_ row: SQLRow) -> TreeHead? {
        guard let size = row.int("size"), let root = row.bytes("root"), let timestamp = row.string("signed_at"),
            let keyID = row.int("key_id"), let signature = row.bytes("signature")
        else { return nil }
        return TreeHead(size: size, root: root, timestamp: timestamp, keyID: keyID, signature: signature)
    }

    /// The newest signing key, made and sealed with the data key the first time.
    private func logSigningKey(in db: any SQLConnection, now: Date) async throws -> (Int, P256.Signing.PrivateKey) {
        let dataKey = try await dataKey(in: db, create: true)
        if let row = try await db.first("SELECT id, sealed_private_key FROM log_keys ORDER BY id DESC LIMIT 1"),
            let id = row.int("id"), let sealed = row.string("sealed_private_key")
        {
            guard let raw = Data(base64Encoded: try dataKey.open(sealed)),
                let key = try? P256.Signing.PrivateKey(rawRepresentation: raw)
            else { throw StoreError.unreadable("log_keys: the signing key does not open") }
            return (id, key)
        }
        let key = P256.Signing.PrivateKey()
        guard
            let id = try await db.first(
                "INSERT INTO log_keys (public_key, sealed_private_key, created_at) VALUES (?, ?, ?) RETURNING id",
                key.publicKey.pemRepresentation, try dataKey.seal(key.rawRepresentation.base64EncodedString()), Timestamp.string(now))?
                .int("id")
        else { throw StoreError.unreadable("log_keys") }
        return (id, key)
    }
}

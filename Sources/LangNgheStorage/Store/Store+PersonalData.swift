import Crypto
import Foundation
import LangNgheCore

/// The key from the settings (`LANGNGHE_DATA_KEY`) that wraps the data key. It never touches the
/// database: a copy of the database without it opens no submitter's details.
public struct MasterKey: Sendable {
    let key: SymmetricKey

    /// Any secret of 32 characters or more, stretched to 256 bits.
    public init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(("langnghe-master-key:" + secret).utf8)))
    }

    /// Outside production, when none is given: fine for a laptop, refused in production.
    public static let developmentSecret = "langnghe-development-data-key-not-for-production"
    public static let development = MasterKey(secret: developmentSecret)
}

/// The data key: 256 random bits, kept in `data_keys` sealed under the master key, that seals
/// each of the submitter's name, address, phone, e-mail, organisation and tax code with
/// AES-256-GCM. Rotating the master key re-wraps this one key; the data stays as it is.
struct DataKey: Sendable {
    let key: SymmetricKey
    /// The key of `matchKey`, derived once: never the one that seals.
    private let matching: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
        matching = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("langnghe-submitter-match".utf8), outputByteCount: 32)
    }

    /// Sealed values start with this, so that a value stored before encryption is recognised.
    static let prefix = "enc1:"

    func seal(_ text: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: key).combined else { throw StoreError.unreadable("seal") }
        return Self.prefix + combined.base64EncodedString()
    }

    func seal(_ text: String?) throws -> String? {
        try text.map { try seal($0) }
    }

    func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key)
        else { throw StoreError.unreadable("submitters: a sealed value does not open with this data key") }
        return String(decoding: plain, as: UTF8.self)
    }

    func open(_ stored: String?) throws -> String? {
        try stored.map { try open($0) }
    }

    /// A keyed hash of a phone number or an e-mail address: equal for equal values, useless to
    /// anyone without the data key (a hash alone could be reversed by hashing every phone number).
    func matchKey(_ value: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: matching)).base64EncodedString()
    }
}

extension Store {
    /// The data key, unwrapped with the master key once per process; created (in a write) the
    /// first time a submitter is stored.
    func dataKey(in db: any SQLConnection, create: Bool) async throws -> DataKey {
        if let key = dataKeyCache.withLock({ $0 }) { return key }
        let key: DataKey
        if let wrapped = try await db.first("SELECT wrapped FROM data_keys WHERE id = 1")?.string("wrapped") {
            key = try Self.unwrap(wrapped, with: masterKey)
        } else {
            guard create else { throw StoreError.unreadable("data_keys: no data key yet") }
            // Two first submissions at once on PostgreSQL (where they no longer wait for each
            // other) each make a key: the first committed wins, the other uses it.
            try await db.execute(
                "INSERT INTO data_keys (id, wrapped, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
                try Self.wrap(SymmetricKey(size: .bits256), with: masterKey), Timestamp.string(Date()))
            guard let wrapped = try await db.first("SELECT wrapped FROM data_keys WHERE id = 1")?.string("wrapped") else {
                throw StoreError.unreadable("data_keys")
            }
            key = try Self.unwrap(wrapped, with: masterKey)
        }
        dataKeyCache.withLock { $0 = key }
        return key
    }

    static func wrap(_ key: SymmetricKey, with master: MasterKey) throws -> String {
        let bytes = key.withUnsafeBytes { Data($0) }
        guard let combined = try AES.GCM.seal(bytes, using: master.key).combined else { throw StoreError.unreadable("wrap") }
        return combined.base64EncodedString()
    }

    static func unwrap(_ wrapped: String, with master: MasterKey) throws -> DataKey {
        guard let data = Data(base64Encoded: wrapped), let box = try? AES.GCM.SealedBox(combined: data),
            let bytes = try? AES.GCM.open(box, using: master.key)
        else { throw StoreError.wrongMasterKey }
        return DataKey(key: SymmetricKey(data: bytes))
    }

    /// Re-wraps the data key under `newMaster` (the old one must open it): `langnghe data-key
    /// rewrap`. The sealed data is untouched, so this is one row, whatever the database's size.
    public func rewrapDataKey(to newMaster: MasterKey) async throws {
        try await database.write { db in
            guard let wrapped = try await db.first("SELECT wrapped FROM data_keys WHERE id = 1")?.string("wrapped") else {
                throw StoreError.notFound
            }
            let key = try Self.unwrap(wrapped, with: self.masterKey)
            try await db.execute(
                "UPDATE data_keys SET wrapped = ?, created_at = ? WHERE id = 1", try Self.wrap(key.key, with: newMaster),
                Timestamp.string(Date()))
        }
    }

    /// Seals the submitters stored in clear before version 16, 500 at a time, once after that
    /// migration (its marker); returns how many.
    /// Their old bytes are then overwritten (SQLite's secure delete, and the write-ahead log
    /// emptied), so that no copy of the file keeps them.
    @discardableResult
    func sealSubmittersInClear() async throws -> Int {
        let inClear = try await database.read { db in
            try await db.first("SELECT id FROM submitters WHERE name NOT LIKE 'enc1:%' AND erased_at IS NULL LIMIT 1") != nil
        }
        guard inClear else { return 0 }
        var sealed = 0
        while true {
            let done = try await database.write { db -> Int in
                if self.dialect == .sqlite { try await db.execute("PRAGMA secure_delete = ON") }
                let key = try await self.dataKey(in: db, create: true)
                let rows = try await db.query(
                    """
                    SELECT id, name, address, phone, email, organization_name, tax_code FROM submitters
                    WHERE name NOT LIKE 'enc1:%' AND erased_at IS NULL ORDER BY id LIMIT 500
                    """)
                for row in rows {
                    try await db.execute(
                        "UPDATE submitters SET name = ?, address = ?, phone = ?, email = ?, organization_name = ?, tax_code = ? WHERE id = ?",
                        try key.seal(row.string("name") ?? ""), try key.seal(row.string("address") ?? ""),
                        try key.seal(row.string("phone") ?? ""),
                        try key.seal(row.string("email") ?? ""), try key.seal(row.string("organization_name")),
                        try key.seal(row.string("tax_code")),
                        row.int("id") ?? 0)
                }
                return rows.count
            }
            sealed += done
            if done < 500 { break }
        }
        if sealed > 0, dialect == .sqlite {
            try await database.write { db in try await db.execute("PRAGMA secure_delete = OFF") }
            try await (database as? SQLiteDatabase)?.checkpoint()
        }
        return sealed
    }
}

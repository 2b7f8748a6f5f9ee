import Foundation
import HummingbirdTesting
import LangNgheCore
import Testing

@testable import App
@testable import LangNgheStorage

/// The submitter's personal data is sealed at rest (issue 9 §2): a raw copy of the SQLite file
/// and its write-ahead log holds no submitter's name, phone or e-mail, whatever the channel;
/// rows stored before are sealed at the next start; the master key can be rotated.
@Suite struct PersonalDataAtRestTests {
    static let name = "Hoàng Thị Bảo Ngọc"
    static let phone = "0913 572 468"
    static let email = "bao.ngoc.hoang@example.vn"

    static func withFile<T: Sendable>(masterKey: MasterKey = .development, path: String? = nil, _ body: (Store, String) async throws -> T)
        async throws -> T
    {
        let file =
            path ?? FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-at-rest-\(UUID().uuidString).sqlite").path
        defer { if path == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } } }
        return try await Store.withStore(at: .sqliteFile(path: file), logger: TestDatabase.logger, masterKey: masterKey) { store in
            try await body(store, file)
        }
    }

    /// Every byte of the database file and its log.
    static func rawBytes(_ file: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: file + "-wal")) { data.append(wal) }
        return data
    }

    static func holdsInClear(_ data: Data, _ text: String) -> Bool {
        data.range(of: Data(text.utf8)) != nil || data.range(of: Data(text.decomposedStringWithCanonicalMapping.utf8)) != nil
    }

    @Test func theFileAndItsLogHoldNoSubmitterInClear() async throws {
        try await Self.withFile { store, file in
            try await store.migrate()
            try await store.loadReferenceData(ReferenceData.bundled())
            let app = try await buildApplication(
                settings: Settings(environment: .testing, figuresCacheSeconds: 0), store: store, logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let (code, key) = try await submitPetition(client) { body in
                    body["submitter"] = [
                        "type": "organization", "name": Self.name, "address": "Số 7 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội",
                        "phone": Self.phone,
                        "email": Self.email, "organizationName": "Công ty TNHH Hoa Sen Vàng", "taxCode": "0109876543",
                    ]
                }
                // Staff and the submitter still read them.
                var user = APIUser(client: client)
                user.accessKey = key
                let mine = try await user.get("/api/v1/petitions/\(code)").json()
                #expect((mine["submitter"] as? [String: Any])?["phone"] as? String == Self.phone)
            }
            let stored = try await store.database.read { db in
                try await db.first("SELECT tracking_code FROM petitions")?.string("tracking_code") ?? ""
            }
            let code = try #require(TrackingCode(stored))
            let record = try #require(try await store.petition(code))
            #expect(record.submitter.name == Self.name && record.submitter.email == Self.email && record.submitter.taxCode == "0109876543")
            let raw = try Self.rawBytes(file)
            for secret in [Self.name, Self.phone, "0913572468", Self.email, "Tràng Tiền", "Hoa Sen Vàng", "0109876543"] {
                #expect(!Self.holdsInClear(raw, secret), "\(secret) is in the file in clear")
            }
        }
    }

    @Test func submittersStoredBeforeAreSealedAtTheNextStartAndTheKeyRotates() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-legacy-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let old = MasterKey(secret: String(repeating: "o", count: 40))
        try await Self.withFile(masterKey: old, path: file) { store, _ in
            // A database of version 15, with a submitter in clear, as every one was.
            try await Migrator(database: store.database).migrate(through: Schema.v15RateLimits.name)
            try await store.database.write { db in
                try await db.execute(
                    "INSERT INTO submitters (kind, name, address, phone, email) VALUES ('individual', ?, 'Số 3 Hàng Gai', ?, ?)", Self.name,
                    Self.phone,
                    Self.email)
            }
            #expect(Self.holdsInClear(try Self.rawBytes(file), Self.phone))
            try await store.migrate()
            let stored = try await store.database.read { db in try await db.first("SELECT name, phone FROM submitters") }
            #expect(stored?.string("phone")?.hasPrefix(DataKey.prefix) == true)
            let raw = try Self.rawBytes(file)
            for secret in [Self.name, Self.phone, Self.email] {
                #expect(!Self.holdsInClear(raw, secret), "\(secret) is in the file in clear")
            }

            try await store.rewrapDataKey(to: MasterKey(secret: String(repeating: "n", count: 40)))
        }
        // The old master key no longer opens the data; the new one does.
        await #expect(throws: StoreError.wrongMasterKey) {
            try await Self.withFile(masterKey: old, path: file) { store, _ in try await store.migrate() }
        }
        try await Self.withFile(masterKey: MasterKey(secret: String(repeating: "n", count: 40)), path: file) { store, _ in
            try await store.migrate()
            let row = try await store.database.read { db in try await db.first("SELECT phone FROM submitters") }
            #expect(
                try await store.database.read { db in try await store.dataKey(in: db, create: false).open(row?.string("phone") ?? "") }
                    == Self.phone)
        }
    }
}

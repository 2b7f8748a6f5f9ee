import Crypto
import Foundation
import LangNgheCore
import Testing

@testable import LangNgheStorage

/// Issue 12: the attachments' bytes are written before the submission's transaction, kept once
/// by their hash apart from the cases, served while the case holds them and deleted once none
/// does; a database from before version 30 has its bytes moved there at start.
@Suite struct AttachmentContentsTests {
    static func file(_ name: String, _ text: String) -> NewAttachment {
        let bytes = Array(("%PDF-1.4\n" + text).utf8)
        return NewAttachment(fileName: name, type: .pdf, content: bytes, sha256: Array(SHA256.hash(data: bytes)).hex)
    }

    static func submit(_ files: [NewAttachment], to store: Store) async throws -> TrackingCode {
        var intake = ProjectionTests.intake(at: Date())
        intake.attachments = files
        return try await store.submit(intake)
    }

    static func storedFiles(_ store: Store) async throws -> Int {
        try await store.attachmentContents.database.read { db in
            try await db.first("SELECT COUNT(*) AS n FROM attachment_contents")?.int("n") ?? 0
        }
    }

    static func bytes(_ store: Store, _ code: TrackingCode, position: Int) async throws -> [UInt8]? {
        let id = try #require(try await store.petition(code)?.attachments.first { $0.position == position }?.id)
        return try await store.attachmentContent(code, attachmentID: id)?.1
    }

    @Test func bytesAreKeptOnceByHashAndSweptWhenNoCaseHoldsThem() async throws {
        try await TestDatabase.withStore { store in
            let shared = Self.file("bien-ban.pdf", "biên bản chung")
            let own = Self.file("don.pdf", "đơn riêng")
            let first = try await Self.submit([shared, own], to: store)
            let second = try await Self.submit([shared], to: store)
            #expect(try await Self.storedFiles(store) == 2)
            #expect(try await Self.bytes(store, first, position: 1) == own.content)
            #expect(try await Self.bytes(store, second, position: 0) == shared.content)
            // The cases' database holds no bytes at all.
            await #expect(throws: (any Error).self) {
                try await store.database.read { db in try await db.query("SELECT content FROM attachments") }
            }

            // A submission whose transaction failed after its put leaves its file, swept only
            // once the grace has passed.
            let orphan = Self.file("mat.pdf", "không ai giữ")
            try await store.attachmentContents.put([(orphan.sha256, orphan.content)], at: Date())
            #expect(try await store.sweepAttachmentContents() == 0)
            #expect(try await store.sweepAttachmentContents(now: Date().addingTimeInterval(2 * AttachmentContents.grace)) == 1)
            #expect(try await store.attachmentContents.content(sha256: orphan.sha256) == nil)
            #expect(try await Self.storedFiles(store) == 2)

            // Erasing the first submitter's data stops serving its files at once; the sweep then
            // deletes the file only it held and keeps the one the second case holds too.
            try await store.append(
                [
                    PetitionEvent(
                        sequence: 0, at: Date(), actor: .system, agencyCode: nil,
                        body: PersonalDataErased(retentionRule: "finishedCases", legalBasis: "Luật 91/2025/QH15"))
                ], to: first)
            #expect(try await Self.bytes(store, first, position: 0) == [])
            #expect(try await store.sweepAttachmentContents(now: Date().addingTimeInterval(2 * AttachmentContents.grace)) == 1)
            #expect(try await store.attachmentContents.content(sha256: own.sha256) == nil)
            #expect(try await Self.bytes(store, second, position: 0) == shared.content)
        }
    }

    /// A sweep reads the files stored since the last one and those that erasures let go of, not
    /// every file ever stored: a file behind the watermark that nobody released is not read again.
    @Test func aSweepReadsOnlyWhatIsNewSinceTheLast() async throws {
        try await TestDatabase.withStore { store in
            let now = Date()
            let grace = AttachmentContents.grace
            #expect(try await store.sweepAttachmentContents(now: now.addingTimeInterval(2 * grace)) == 0)
            // Behind the watermark (now + grace) and named by no case: a sweep reading every file
            // would delete it.
            let checked = Self.file("cu.pdf", "đã kiểm")
            try await store.attachmentContents.put([(checked.sha256, checked.content)], at: now)
            let mine = Self.file("cua-toi.pdf", "của người gửi")
            let code = try await Self.submit([mine], to: store)
            let fresh = Self.file("moi.pdf", "chưa ai giữ")
            try await store.attachmentContents.put([(fresh.sha256, fresh.content)], at: now.addingTimeInterval(grace + 60))
            try await store.append(
                [
                    PetitionEvent(
                        sequence: 0, at: Date(), actor: .system, agencyCode: nil,
                        body: PersonalDataErased(retentionRule: "finishedCases", legalBasis: "Luật 91/2025/QH15"))
                ], to: code)

            #expect(try await store.sweepAttachmentContents(now: now.addingTimeInterval(3 * grace)) == 2)
            #expect(try await store.attachmentContents.content(sha256: fresh.sha256) == nil)
            #expect(try await store.attachmentContents.content(sha256: mine.sha256) == nil)
            #expect(try await store.attachmentContents.content(sha256: checked.sha256) == checked.content)
            let released = try await store.database.read { db in
                try await db.first("SELECT COUNT(*) AS n FROM attachment_releases")?.int("n")
            }
            #expect(released == 0)
        }
    }

    /// A file put again (another submission of the same bytes) is as fresh as the new put: the
    /// sweep cannot take it from under that submission's transaction.
    @Test func aFilePutAgainWaitsForItsNewTransaction() async throws {
        try await TestDatabase.withStore { store in
            let file = Self.file("a.pdf", "một tệp")
            let long = Date().addingTimeInterval(-2 * AttachmentContents.grace)
            try await store.attachmentContents.put([(file.sha256, file.content)], at: long)
            try await store.attachmentContents.put([(file.sha256, file.content)], at: Date())
            #expect(try await store.sweepAttachmentContents() == 0)
            #expect(try await store.attachmentContents.content(sha256: file.sha256) == file.content)
        }
    }

    /// Bytes stored in `attachments` before version 30 are moved at the next start; an erased
    /// submitter's are dropped, not moved; the emptied column goes.
    @Test func bytesFromBeforeVersionThirtyAreMoved() async throws {
        try await TestDatabase.withStore { store in
            let kept = Self.file("giu.pdf", "giữ lại")
            let dropped = Self.file("xoa.pdf", "đã xoá")
            let code = try await Self.submit([kept], to: store)
            let erased = try await Self.submit([dropped], to: store)
            try await store.append(
                [
                    PetitionEvent(
                        sequence: 0, at: Date(), actor: .system, agencyCode: nil,
                        body: PersonalDataErased(retentionRule: "finishedCases", legalBasis: "Luật 91/2025/QH15"))
                ], to: erased)
            // As version 29 left it: the bytes in the row, none beside.
            let blob = store.dialect == .sqlite ? "BLOB" : "BYTEA"
            try await store.database.write { db in
                try await db.execute("ALTER TABLE attachments ADD COLUMN content \(blob)")
                try await db.execute("UPDATE attachments SET content = ? WHERE sha256 = ?", kept.content, kept.sha256)
                try await db.execute("UPDATE attachments SET content = ? WHERE sha256 = ?", dropped.content, dropped.sha256)
                try await db.execute(
                    "INSERT INTO reference_versions (name, version, loaded_at) VALUES (?, 1, ?)", Migrator.attachmentsPending,
                    Timestamp.string(Date()))
            }
            _ = try await store.attachmentContents.delete([kept.sha256, dropped.sha256], storedBefore: Date().addingTimeInterval(1))
            #expect(try await Self.storedFiles(store) == 0)

            try await store.migrate()
            #expect(try await Self.bytes(store, code, position: 0) == kept.content)
            #expect(try await store.attachmentContents.content(sha256: dropped.sha256) == nil)
            await #expect(throws: (any Error).self) {
                try await store.database.read { db in try await db.query("SELECT content FROM attachments") }
            }
            #expect(
                try await store.database.read { db in
                    try await db.first("SELECT name FROM reference_versions WHERE name = ?", Migrator.attachmentsPending)
                } == nil)
        }
    }

    /// A backup copies the attachments' file after the database; the restored pair serves the
    /// bytes, and a changed attachments' file is refused.
    @Test(.enabled(if: TestDatabase.postgresURL == nil, "SQLite's files; PostgreSQL's pg_dump holds the table"))
    func aBackupHoldsTheBytes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-backup-\(UUID().uuidString)").path
        let restored = folder + "-restored.sqlite"
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            for path in AttachmentContents.sqliteFiles(of: restored) { try? FileManager.default.removeItem(atPath: path) }
        }
        let file = Self.file("so-do.pdf", "sơ đồ thửa đất")
        let code = try await TestDatabase.withEmptyStore(sqliteFile: true) { store in
            try await store.migrate()
            try await store.loadReferenceData(ReferenceData.bundled())
            let code = try await Self.submit([file], to: store)
            let manifest = try await store.backup(to: folder, now: Date())
            #expect(manifest.attachments?.files == 1)
            return code
        }
        let manifest = try Backup.check(folder: folder)
        let copy = try #require(manifest.attachments)
        try FileManager.default.copyItem(atPath: folder + "/" + manifest.file, toPath: restored)
        try FileManager.default.copyItem(atPath: folder + "/" + copy.file, toPath: AttachmentContents.sqlitePath(besides: restored))
        let bytes = try await Store.withStore(at: .sqliteFile(path: restored), logger: TestDatabase.logger) { store in
            try await Self.bytes(store, code, position: 0)
        }
        #expect(bytes == file.content)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/" + copy.file))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data([0x42]))
        try handle.close()
        #expect(throws: Backup.Failure.self) { try Backup.check(folder: folder) }
    }
}

import App
import Foundation
import HummingbirdTesting
import LangNgheCore
import Synchronization
import Testing

@testable import LangNgheStorage

/// Issue 11 §5: a backup taken while the server writes restores to a database whose log
/// verifies and that holds every petition acknowledged before the backup began.
@Suite(.enabled(if: TestDatabase.postgresURL == nil, "SQLite's file copy; PostgreSQL's pg_dump is exercised by .ci/run"))
struct BackupTests {
    @Test func aBackupDuringSixteenWritersRestoresWhole() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-backup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestDatabase.withEmptyStore(sqliteFile: true) { store in
            try await store.migrate()
            try await store.loadReferenceData(ReferenceData.bundled())
            let settings = Settings(
                environment: .testing, figuresCacheSeconds: 0, submissionsPerAddressPerHour: 0, submissionsPerSenderPerDay: 0)
            let app = try await buildApplication(settings: settings, store: store, logger: TestDatabase.logger)
            try await app.test(.router) { client in
                // Acknowledged, with the time of the receipt, by sixteen clients at once.
                let log = Receipts()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<16 {
                        group.addTask {
                            for _ in 0..<12 {
                                let (code, _) = try await submitPetition(client)
                                if !code.isEmpty { log.receipts.withLock { $0.append((code, Date())) } }
                            }
                        }
                    }
                    group.addTask {
                        while log.receipts.withLock({ $0.count }) < 40 { try await Task.sleep(for: .milliseconds(5)) }
                        log.backupBegan.withLock { $0 = Date() }
                        _ = try await store.backup(to: folder, now: Date())
                    }
                    try await group.waitForAll()
                }
                let backupBegan = try #require(log.backupBegan.withLock { $0 })
                let before = log.receipts.withLock { $0.filter { $0.at < backupBegan }.map(\.code) }
                #expect(before.count >= 40)
                // The writers went on while it was taken.
                #expect(log.receipts.withLock { $0.count } > before.count)
                #expect(log.receipts.withLock { $0.count } == 16 * 12)

                let manifest = try Backup.check(folder: folder)
                #expect(manifest.logSize >= before.count)
                // Restored: the copy opened as the database.
                let restored = folder + "-restored.sqlite"
                defer {
                    for path in AttachmentContents.sqliteFiles(of: restored) { try? FileManager.default.removeItem(atPath: path) }
                }
                try FileManager.default.copyItem(atPath: folder + "/" + manifest.file, toPath: restored)
                try await Store.withStore(at: .sqliteFile(path: restored), logger: TestDatabase.logger) { copy in
                    let audit = try await copy.auditLog()
                    #expect(audit.isIntact, "\(audit.logProblems) \(audit.caseProblems)")
                    #expect(audit.size == manifest.logSize && audit.root.hex == manifest.logRoot)
                    for code in before { #expect(try await copy.petition(TrackingCode(code)!) != nil, "\(code)") }
                }
            }
        }
    }

    /// A copy changed after its manifest was written is refused.
    @Test func aChangedCopyIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-backup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp { client, store in
            _ = try await submitPetition(client)
            _ = try await store.backup(to: folder, now: Date())
            #expect(try Backup.check(folder: folder).petitions == 1)
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/" + Backup.databaseFile))
            try file.seek(toOffset: 4096)
            try file.write(contentsOf: Data([0x42]))
            try file.close()
            #expect(throws: Backup.Failure.self) { try Backup.check(folder: folder) }
            await #expect(throws: Backup.Failure.self) { try await store.backup(to: folder, now: Date()) }
        }
    }
}

/// What the writers were told, and when the backup began.
private final class Receipts: Sendable {
    let receipts = Mutex<[(code: String, at: Date)]>([])
    let backupBegan = Mutex<Date?>(nil)
}

import ArgumentParser
import Foundation
import LangNgheCore
import LangNgheStorage

/// `langnghe backup --to DIR`: a consistent copy of the SQLite database while the server runs,
/// with a manifest (the log's size and root, the newest signed head, counts, SHA-256).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Sao lưu cơ sở dữ liệu SQLite khi đang chạy / back up the SQLite database while it runs.")

    @Option(help: "A new folder for the copy and its manifest.")
    var to: String

    func run() async throws {
        let settings = try StartUp.settings()
        let manifest = try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
            do { return try await store.backup(to: to, now: Date()) } catch let failure as Backup.Failure {
                throw ValidationError(failure.description)
            }
        }
        print("Backed up \(manifest.petitions) petitions, \(manifest.events) events (log root \(manifest.logRoot)) to \(to).")
    }
}

/// `langnghe restore --from DIR`: checks the copy against its manifest, puts it in place of the
/// configured SQLite database (the server stopped), and audits the log of the restored database;
/// anything wrong puts the previous database back.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Khôi phục từ bản sao lưu / restore a backup (stop the server first).")

    @Option(help: "A folder written by `langnghe backup`.")
    var from: String
    @Flag(help: "Replace an existing database (kept beside it as …before-restore-<time>).")
    var replace = false

    func run() async throws {
        let settings = try StartUp.settings()
        guard case .sqliteFile(let path) = settings.database else { throw ValidationError(Backup.Failure.onlySQLite.description) }
        let manifest: BackupManifest
        do { manifest = try Backup.check(folder: from) } catch let failure as Backup.Failure {
            throw ValidationError("--from: \(failure)")
        }
        // The database and its attachments' file, each with its write-ahead log.
        let attachments = AttachmentContents.sqlitePath(besides: path)
        let paths = AttachmentContents.sqliteFiles(of: path)
        let files = FileManager.default
        let aside = ".before-restore-" + Timestamp.string(Date()).replacingOccurrences(of: ":", with: "-")
        if files.fileExists(atPath: path), !replace {
            throw ValidationError("\(path) exists: stop the server, then pass --replace to keep it aside and restore")
        }
        // Kept aside, attachments' bytes without their database too: never taken for the copy's.
        let kept = paths.filter { files.fileExists(atPath: $0) }
        for file in kept { try files.moveItem(atPath: file, toPath: file + aside) }
        let keptAs = kept.contains(path) ? path + aside : nil
        try files.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try files.copyItem(atPath: from + "/" + manifest.file, toPath: path)
        if let copy = manifest.attachments { try files.copyItem(atPath: from + "/" + copy.file, toPath: attachments) }
        let audit = try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in try await store.auditLog() }
        guard audit.isIntact, audit.size >= manifest.logSize else {
            for file in paths { try? files.removeItem(atPath: file) }
            for file in kept { try files.moveItem(atPath: file + aside, toPath: file) }
            print(
                "The restored log does not verify: \(audit.logProblems + audit.caseProblems.keys.sorted()); the previous database is back.")
            throw ExitCode(2)
        }
        print("Restored \(manifest.petitions) petitions from \(manifest.createdAt); the log verifies (\(audit.size) events).")
        if let keptAs { print("The previous database is kept as \(keptAs).") }
    }
}

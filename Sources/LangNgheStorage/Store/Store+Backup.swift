import Crypto
import Foundation
import GRDB
import LangNgheCore

/// What a backup folder holds, written beside the copy as `manifest.json`: a restore refuses a
/// copy that does not match it.
public struct BackupManifest: Codable, Sendable, Equatable {
    public var format = 1
    public var createdAt: String
    public var file = Backup.databaseFile
    public var bytes: Int
    public var sha256: String
    public var petitions: Int
    public var events: Int
    /// The log in the copy: its size and root, and the newest head signed before the copy.
    public var logSize: Int
    public var logRoot: String
    public var headSize: Int?
    public var headRoot: String?
    public var headTimestamp: String?
    /// The attachments' bytes (`AttachmentContents`), copied after the database so that every
    /// file the copy names is in it; nil in a backup written before version 30.
    public var attachments: AttachmentsCopy?

    /// The copy of the attachments' file.
    public struct AttachmentsCopy: Codable, Sendable, Equatable {
        public var file = Backup.attachmentsFile
        public var bytes: Int
        public var sha256: String
        public var files: Int
    }

    /// Everything but when it was written.
    func sameContents(as other: BackupManifest) -> [String] {
        var differ: [String] = []
        if bytes != other.bytes { differ.append("bytes") }
        if sha256 != other.sha256 { differ.append("sha256") }
        if petitions != other.petitions { differ.append("petitions") }
        if events != other.events { differ.append("events") }
        if logSize != other.logSize || logRoot != other.logRoot { differ.append("log") }
        if headSize != other.headSize || headRoot != other.headRoot || headTimestamp != other.headTimestamp { differ.append("head") }
        if attachments != other.attachments { differ.append("attachments") }
        return differ
    }
}

public enum Backup {
    public static let databaseFile = "langnghe.sqlite"
    public static let attachmentsFile = "langnghe-attachments.sqlite"
    public static let manifestFile = "manifest.json"

    public enum Failure: Error, CustomStringConvertible {
        case onlySQLite
        case folderNotEmpty(String)
        case unreadable(String)
        case mismatch([String])

        public var description: String {
            switch self {
            case .onlySQLite: "backup and restore copy the SQLite file; for PostgreSQL use pg_dump and pg_restore (README)"
            case .folderNotEmpty(let path): "\(path) already holds a backup"
            case .unreadable(let what): "cannot read \(what)"
            case .mismatch(let fields): "the copy does not match its manifest: " + fields.joined(separator: ", ")
            }
        }
    }

    /// Describes a database file without changing a byte of it: its digest, then its counts and
    /// log, read through a read-only connection.
    public static func describe(file path: String, attachments: String?, createdAt: String) throws -> BackupManifest {
        let (bytes, sha256) = try digest(path)
        var manifest = try read(path) { db in
            let head = try Row.fetchOne(db, sql: "SELECT size, root, signed_at FROM log_heads ORDER BY size DESC LIMIT 1")
            let state = try Row.fetchOne(db, sql: "SELECT size, root FROM log_state WHERE id = 1")
            return BackupManifest(
                createdAt: createdAt, bytes: bytes, sha256: sha256,
                petitions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM petitions") ?? 0,
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                logSize: state?["size"] ?? 0, logRoot: (state?["root"] as Data?).map { Array($0).hex } ?? "",
                headSize: head?["size"], headRoot: (head?["root"] as Data?).map { Array($0).hex }, headTimestamp: head?["signed_at"])
        }
        if let attachments {
            let (bytes, sha256) = try digest(attachments)
            let files = try read(attachments) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attachment_contents") ?? 0 }
            manifest.attachments = .init(
                file: URL(fileURLWithPath: attachments).lastPathComponent, bytes: bytes, sha256: sha256, files: files)
        }
        return manifest
    }

    /// A file's size and hex SHA-256.
    private static func digest(_ path: String) throws -> (bytes: Int, sha256: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.unreadable(path) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += chunk.count
        }
        return (bytes, Array(hasher.finalize()).hex)
    }

    /// Reads an SQLite file through a read-only connection, changing none of its bytes.
    private static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read(body)
    }

    /// Reads a backup folder's manifest and checks the copy against it.
    public static func check(folder: String) throws -> BackupManifest {
        let manifestPath = folder + "/" + manifestFile
        guard let data = FileManager.default.contents(atPath: manifestPath),
            let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data)
        else { throw Failure.unreadable(manifestPath) }
        let found = try describe(
            file: folder + "/" + manifest.file, attachments: manifest.attachments.map { folder + "/" + $0.file },
            createdAt: manifest.createdAt)
        let differ = found.sameContents(as: manifest)
        guard differ.isEmpty else { throw Failure.mismatch(differ) }
        return manifest
    }
}

extension Store {
    /// A consistent backup into `folder` (created; refused if it holds one already) while the
    /// server writes: a head of the log is signed first, the database and then the attachments'
    /// file are copied with `VACUUM INTO`, and the manifest describes the copies.
    public func backup(to folder: String, now: Date) async throws -> BackupManifest {
        guard let sqlite = database as? SQLiteDatabase else { throw Backup.Failure.onlySQLite }
        let file = folder + "/" + Backup.databaseFile
        guard !FileManager.default.fileExists(atPath: file) else { throw Backup.Failure.folderNotEmpty(folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = try await treeHead(now: now, maxAge: 0)
        try await sqlite.copy(to: file)
        // After the database: a file its copy names was put before the transaction that named it.
        let attachments = folder + "/" + Backup.attachmentsFile
        guard let contents = attachmentContents.database as? SQLiteDatabase else { throw Backup.Failure.onlySQLite }
        try await contents.copy(to: attachments)
        let manifest = try Backup.describe(file: file, attachments: attachments, createdAt: Timestamp.string(now))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: folder + "/" + Backup.manifestFile))
        return manifest
    }
}

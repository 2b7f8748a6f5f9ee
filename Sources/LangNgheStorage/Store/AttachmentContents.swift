import Foundation
import LangNgheCore

/// The attachments' bytes, kept by their SHA-256 apart from the cases (issue 12).
///
/// A submission puts its files here first, durably, and its transaction then only names them by
/// hash: five 10 MB files never hold up the one writer that every other petition and every
/// staff action waits for. SQLite keeps them in a file of their own beside the database, with
/// its own writer and its own fsyncs; PostgreSQL in a table of the same database, written on a
/// pooled connection before the submission's transaction begins.
///
/// Putting a file twice keeps one copy and marks it as just stored. What no living case names —
/// a submission whose transaction failed after its files were put, a case whose personal data
/// was erased — is deleted by `Store.sweepAttachmentContents`, but only once it has been stored
/// for `Self.grace`, so that a submission between its put and its commit never loses its file.
public struct AttachmentContents: Sendable {
    public let database: any SQLDatabase
    /// How long a stored file waits for the transaction that names it.
    public static let grace: TimeInterval = 3600

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The SQLite file beside the database at `path`: `langnghe.sqlite` → `langnghe-attachments.sqlite`.
    public static func sqlitePath(besides path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let name = url.deletingPathExtension().lastPathComponent + "-attachments" + (ext.isEmpty ? "" : "." + ext)
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Every file of the SQLite database at `path`: it and its attachments' file, each with its
    /// write-ahead log and shared memory (what a restore moves aside, what a test deletes).
    public static func sqliteFiles(of path: String) -> [String] {
        [path, sqlitePath(besides: path)].flatMap { file in ["", "-wal", "-shm"].map { file + $0 } }
    }

    /// Creates the table if it is missing: the SQLite file has no migrations of its own, and on
    /// PostgreSQL the same statement makes it in the main schema, under the migrations' lock, so
    /// that two servers starting at once do not both create it.
    func prepare() async throws {
        let dialect = database.dialect
        try await database.write { db in
            if dialect == .postgresql { try await db.execute("SELECT pg_advisory_xact_lock(\(Migrator.lockKey))") }
            try await db.execute(
                """
                CREATE TABLE IF NOT EXISTS attachment_contents (
                    sha256 TEXT PRIMARY KEY, content \(dialect == .sqlite ? "BLOB" : "BYTEA") NOT NULL, stored_at TEXT NOT NULL)
                """)
            try await db.execute("CREATE INDEX IF NOT EXISTS attachment_contents_stored_at ON attachment_contents (stored_at)")
            // The sweep's watermark: files stored before it have been checked once already.
            try await db.execute(
                "CREATE TABLE IF NOT EXISTS attachment_sweep (id INTEGER PRIMARY KEY CHECK (id = 1), swept_before TEXT NOT NULL)")
        }
    }

    /// Stores the files (one transaction, on disk when it returns).
    func put(_ files: [(sha256: String, content: [UInt8])], at now: Date) async throws {
        guard !files.isEmpty else { return }
        try await database.write { db in
            for file in files {
                try await db.execute(
                    """
                    INSERT INTO attachment_contents (sha256, content, stored_at) VALUES (?, ?, ?)
                    ON CONFLICT (sha256) DO UPDATE SET stored_at = excluded.stored_at
                    """, file.sha256, file.content, Timestamp.string(now))
            }
        }
    }

    /// The bytes stored under `sha256`, or nil.
    func content(sha256: String) async throws -> [UInt8]? {
        try await database.read { db in
            try await db.first("SELECT content FROM attachment_contents WHERE sha256 = ?", sha256)?.bytes("content")
        }
    }

    /// A page of the hashes stored from `from` (nil: the first) until before `cutoff`, in hash
    /// order after `after`.
    func hashes(storedFrom from: Date?, before cutoff: Date, after: String, limit: Int) async throws -> [String] {
        try await database.read { db in
            try await db.query(
                """
                SELECT sha256 FROM attachment_contents WHERE stored_at >= ? AND stored_at < ? AND sha256 > ?
                ORDER BY sha256 LIMIT ?
                """, from.map(Timestamp.string) ?? "", Timestamp.string(cutoff), after, limit
            ).compactMap { $0.string("sha256") }
        }
    }

    /// Where the last sweep stopped: every file stored before it has been checked.
    func sweptBefore() async throws -> Date? {
        try await database.read { db in
            try await db.first("SELECT swept_before FROM attachment_sweep")?.string("swept_before").flatMap(Timestamp.date)
        }
    }

    func markSwept(before cutoff: Date) async throws {
        try await database.write { db in
            try await db.execute(
                """
                INSERT INTO attachment_sweep (id, swept_before) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET swept_before = excluded.swept_before
                """, Timestamp.string(cutoff))
        }
    }

    /// Deletes these files unless stored again since `cutoff`; SQLite overwrites their bytes.
    func delete(_ hashes: [String], storedBefore cutoff: Date) async throws -> Int {
        guard !hashes.isEmpty else { return 0 }
        let dialect = database.dialect
        return try await database.write { db in
            try await db.overwritingFreedBytes(dialect) {
                try await db.query(
                    """
                    DELETE FROM attachment_contents WHERE stored_at < ? AND sha256 IN (\(hashes.map { _ in "?" }.joined(separator: ", ")))
                    RETURNING sha256
                    """, [.text(Timestamp.string(cutoff))] + hashes.map(SQLValue.text)
                ).count
            }
        }
    }
}

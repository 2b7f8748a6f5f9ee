import Foundation
import GRDB

/// SQLite through GRDB: one writer connection (WAL) and a few read-only connections for files;
/// one queue for in-memory test databases, whose readers share the writer's connection under
/// the lock (so that they never see an open transaction).
///
/// Each read is one SQLite transaction spanning the body's statements, so it sees one snapshot.
/// Writes are durable (`synchronous = FULL`: on disk before they are answered) and grouped
/// (`GroupCommit`): writes that arrive together share one transaction and one fsync, each in its
/// own savepoint, so each is still all or nothing and fails alone.
public final class SQLiteDatabase: SQLDatabase {
    public let dialect = SQLDialect.sqlite
    private let writer: any DatabaseWriter
    /// Read-only connections to the file, or nil for an in-memory queue.
    private let readers: ConnectionPool<DatabaseQueue>?
    private let writeLock: AsyncLock
    /// Batches the writes.
    private let group: GroupCommit

    /// Opens (creating it and its folder if needed) the database file at `path`.
    public init(path: String, readers count: Int = 4) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        // The pool puts the file in WAL mode, in which readers never wait for the writer.
        let writer = try DatabasePool(path: path, configuration: Self.configuration())
        // After the pool's own set-up, which chooses NORMAL with WAL.
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        self.writer = writer
        var readOnly = Self.configuration()
        readOnly.readonly = true
        readers = ConnectionPool(try (0..<max(1, count)).map { _ in try DatabaseQueue(path: path, configuration: readOnly) })
        (writeLock, group) = Self.group(on: writer)
    }

    /// A private in-memory database, for tests.
    public init() throws {
        let writer = try DatabaseQueue(configuration: Self.configuration())
        self.writer = writer
        readers = nil
        (writeLock, group) = Self.group(on: writer)
    }

    /// The writer's lock (batches, checkpoints and an in-memory database's reads take turns under
    /// it) and the group commit that runs batches under it.
    private static func group(on writer: any DatabaseWriter) -> (AsyncLock, GroupCommit) {
        let lock = AsyncLock()
        return (
            lock, GroupCommit(executor: WriterExecutor()) { jobs in try? await lock.withLock { await Self.runBatch(jobs, on: writer) } }
        )
    }

    /// Whether the caller runs on the writer's own queue, off the shared pool (for tests).
    public static var onWriterQueue: Bool { WriterExecutor.isCurrent }

    /// Batches run and the writes they held (group commit's effect, for tests and benchmarks).
    public var commitCounts: (batches: Int, writes: Int) { group.counts.withLock { $0 } }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        // A transaction spans several GRDB accesses (one per statement, because the body is
        // async); the write lock, or the pool lending a reader to one task, keeps it exclusive.
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // A commit is on disk before it is answered, power cut or not; group commit makes
            // that affordable (issue 12).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Pages read through a memory map instead of a read() call each: at 100,000
            // petitions two thirds of the conduct page's time went to copying pages that the
            // operating system already held. A larger page cache keeps the hot indexes too.
            try db.execute(sql: "PRAGMA mmap_size = 2147483648")
            // The writer's larger still: each insert touches a page of every index, and at
            // 100,000 petitions they outgrow 32 MB (bulk loading: 856 → 879 per second).
            try db.execute(sql: db.configuration.readonly ? "PRAGMA cache_size = -32768" : "PRAGMA cache_size = -131072")
            try SearchRank.register(on: db)
        }
        return configuration
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        guard let readers else {
            return try await writeLock.withLock { try await Self.transaction("BEGIN DEFERRED", on: writer, body) }
        }
        return try await readers.withConnection { reader in try await Self.transaction("BEGIN DEFERRED", on: reader, body) }
    }

    /// Copies the write-ahead log into the database file and empties it, so that no old page
    /// image stays in the log's file.
    public func checkpoint() async throws {
        try await writeLock.withLock {
            try Connection.now { try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }
        }
    }

    /// A consistent copy of the whole database in a new file, taken while writes go on:
    /// `VACUUM INTO` reads one snapshot, on a reader, so the writer never waits for it.
    public func copy(to path: String) async throws {
        guard let readers else {
            return try await writeLock.withLock {
                try Connection.now { try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) } }
            }
        }
        try await readers.withConnection { reader in
            try Connection.now { try reader.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) } }
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await group.write(body)
    }

    /// One batch of writes: one transaction, a savepoint each. A write that throws is rolled back
    /// to its savepoint and answered with its error; if the commit itself fails, every write of
    /// the batch is answered with that error, none having been acknowledged before.
    private static func runBatch(_ jobs: [GroupCommit.Job], on connection: any DatabaseWriter) async {
        let sql = Connection(writer: connection)
        var results: [Result<any Sendable, any Error>] = []
        do {
            try await sql.execute("BEGIN IMMEDIATE", [])
            for job in jobs {
                try await sql.execute("SAVEPOINT one_write", [])
                do {
                    results.append(.success(try await job.perform(on: sql)))
                    try await sql.execute("RELEASE one_write", [])
                } catch {
                    results.append(.failure(error))
                    try await sql.execute("ROLLBACK TO one_write", [])
                    try await sql.execute("RELEASE one_write", [])
                }
            }
            try await sql.execute("COMMIT", [])
        } catch {
            rollback(connection)
            for job in jobs { job.resolve(.failure(error)) }
            return
        }
        for (job, result) in zip(jobs, results) { job.resolve(result) }
    }

    /// Nothing to do: every query here was planned and measured without `sqlite_stat1`, and
    /// statistics could change those plans; SQLite keeps no visibility map.
    public func refreshStatistics() async throws {}

    /// `body` inside one transaction on `connection`: committed when it returns, rolled back
    /// when anything throws, the task's cancellation included.
    private static func transaction<T: Sendable>(
        _ begin: String, on connection: any DatabaseWriter, _ body: @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        let sql = Connection(writer: connection)
        do {
            try await sql.execute(begin, [])
            let result = try await body(sql)
            try await sql.execute("COMMIT", [])
            return result
        } catch {
            rollback(connection)
            throw error
        }
    }

    /// Ends whatever transaction the connection is in. Synchronous, so that a cancelled task
    /// cannot skip it and leave the connection inside a transaction that would jam every later write.
    private static func rollback(_ connection: any DatabaseWriter) {
        try? Connection.now {
            try connection.writeWithoutTransaction { db in
                if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
            }
        }
    }

    /// A connection lent to one task for one transaction. Its statements run synchronously on
    /// the calling thread: nobody else can be using the connection (the write lock, or the pool,
    /// lends it to this task alone), so there is nothing to wait for, and the two thread hops of
    /// GRDB's async access per statement cost more than most statements (measured: the demo
    /// seeder ran at 184 petitions a second with them).
    struct Connection: SQLConnection {
        let writer: any DatabaseWriter

        func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
            let args = Self.arguments(arguments)
            try Self.now { try writer.writeWithoutTransaction { db in try db.cachedStatement(sql: sql).execute(arguments: args) } }
        }

        func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
            let args = Self.arguments(arguments)
            return try Self.now {
                try writer.writeWithoutTransaction { db in
                    // Read through a cursor, with one array of column names for every row: a
                    // year of statistics is some 20,000 rows.
                    let statement = try db.cachedStatement(sql: sql)
                    let columns = statement.columnNames
                    let count = CInt(columns.count)
                    var rows: [SQLRow] = []
                    let cursor = try Row.fetchCursor(statement, arguments: args)
                    // Each value read from the statement's current row by its index: a `Row`'s
                    // `databaseValues` pair every value with its column's name, made anew as a
                    // String each time (10 % of the conduct page's CPU, profiled).
                    while try cursor.next() != nil {
                        var values: [SQLValue] = []
                        values.reserveCapacity(columns.count)
                        for index in 0..<count {
                            values.append(SQLValue(DatabaseValue(sqliteStatement: statement.sqliteStatement, index: index)))
                        }
                        rows.append(SQLRow(columns: columns, values: values))
                    }
                    return rows
                }
            }
        }

        /// GRDB's arguments, through its existential initialiser: the generic one maps by key
        /// path, which is built anew at each call (6 % of a submission's CPU, profiled).
        static func arguments(_ values: [SQLValue]) -> StatementArguments {
            StatementArguments(values.map { $0.databaseValue as (any DatabaseValueConvertible)? })
        }

        /// Runs `body` here and now: a synchronous closure, so that GRDB's synchronous access is the one chosen.
        static func now<T>(_ body: () throws -> T) rethrows -> T { try body() }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .int(let i): i.databaseValue
        case .double(let d): d.databaseValue
        case .text(let s): s.databaseValue
        case .blob(let b): Data(b).databaseValue
        }
    }
}

extension SQLValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .text(s)
        case .blob(let data): self = .blob([UInt8](data))
        }
    }
}

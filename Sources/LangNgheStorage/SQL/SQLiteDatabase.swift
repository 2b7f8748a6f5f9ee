import Foundation
import GRDB

/// SQLite through GRDB: a WAL database pool for files, a queue for in-memory test databases.
public final class SQLiteDatabase: SQLDatabase {
    public let dialect = SQLDialect.sqlite
    private let writer: any DatabaseWriter
    /// WAL readers, or nil for an in-memory queue, whose single connection readers must share
    /// with the writer (under the lock, so that they never see an open transaction).
    private let reader: (any DatabaseReader)?
    private let writeLock = AsyncLock()

    /// Opens (creating it and its folder if needed) the database file at `path`.
    public init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        writer = pool
        reader = pool
    }

    /// A private in-memory database, for tests.
    public init() throws {
        let queue = try DatabaseQueue(configuration: Self.configuration())
        writer = queue
        reader = nil
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        // A write transaction spans several GRDB accesses (one per statement, because the
        // transaction's body is async); `writeLock` keeps it exclusive.
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        guard let reader else {
            return try await writeLock.withLock { try await body(Connection(access: .write(writer))) }
        }
        return try await body(Connection(access: .read(reader)))
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await writeLock.withLock {
            let connection = Connection(access: .write(writer))
            try await connection.execute("BEGIN IMMEDIATE", [])
            do {
                let result = try await body(connection)
                try await connection.execute("COMMIT", [])
                return result
            } catch {
                try? await connection.execute("ROLLBACK", [])
                throw error
            }
        }
    }

    struct Connection: SQLConnection {
        enum Access: @unchecked Sendable {
            case read(any DatabaseReader)
            case write(any DatabaseWriter)
        }
        let access: Access

        func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
            let args = StatementArguments(arguments.map(\.databaseValue))
            switch access {
            case .read(let reader): try await reader.read { db in try db.cachedStatement(sql: sql).execute(arguments: args) }
            case .write(let writer): try await writer.writeWithoutTransaction { db in try db.cachedStatement(sql: sql).execute(arguments: args) }
            }
        }

        func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
            let args = StatementArguments(arguments.map(\.databaseValue))
            let fetch: @Sendable (Database) throws -> [SQLRow] = { db in
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: args).map(SQLRow.init(grdb:))
            }
            switch access {
            case .read(let reader): return try await reader.read(fetch)
            case .write(let writer): return try await writer.writeWithoutTransaction(fetch)
            }
        }
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

extension SQLRow {
    init(grdb row: Row) {
        let columns = Array(row.columnNames)
        let values: [SQLValue] = row.databaseValues.map { value in
            switch value.storage {
            case .null: .null
            case .int64(let i): .int(i)
            case .double(let d): .double(d)
            case .string(let s): .text(s)
            case .blob(let data): .blob([UInt8](data))
            }
        }
        self.init(columns: columns, values: values)
    }
}

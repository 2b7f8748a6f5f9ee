/// The two databases LangNghe runs on. SQL text is shared where they agree (placeholders are
/// written `?` and numbered for PostgreSQL); the few places they differ ask the dialect.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgresql
}

/// A connection inside a read or a write transaction.
public protocol SQLConnection: Sendable {
    func execute(_ sql: String, _ arguments: [SQLValue]) async throws
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]
}

extension SQLConnection {
    public func execute(_ sql: String, _ arguments: SQLBindable...) async throws {
        try await execute(sql, arguments.map(\.sqlValue))
    }

    public func query(_ sql: String, _ arguments: SQLBindable...) async throws -> [SQLRow] {
        try await query(sql, arguments.map(\.sqlValue))
    }

    public func first(_ sql: String, _ arguments: SQLBindable...) async throws -> SQLRow? {
        try await query(sql, arguments.map(\.sqlValue)).first
    }
}

/// A database: reads see a consistent snapshot; writes run in one transaction that is rolled
/// back when the body throws, so a failed write leaves nothing half-written.
public protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }
    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T
    /// `body` may be kept until its turn comes (SQLite groups writes into batches).
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) async throws -> T) async throws -> T
    /// Brings the query planner's statistics (and, in PostgreSQL, the map of pages all
    /// transactions see, which index-only scans need) up to date, outside any transaction.
    func refreshStatistics() async throws
}

extension SQLConnection {
    /// Runs `body` with SQLite overwriting the bytes it frees, so that no copy of the file keeps
    /// what was deleted or emptied (personal data); PostgreSQL's freed space is its own to reuse.
    func overwritingFreedBytes<T>(_ dialect: SQLDialect, _ body: () async throws -> T) async throws -> T {
        guard dialect == .sqlite else { return try await body() }
        try await execute("PRAGMA secure_delete = ON")
        do {
            let result = try await body()
            try await execute("PRAGMA secure_delete = OFF")
            return result
        } catch {
            try? await execute("PRAGMA secure_delete = OFF")
            throw error
        }
    }
}

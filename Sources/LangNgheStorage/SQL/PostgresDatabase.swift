import Logging
import NIOCore
import PostgresNIO

/// PostgreSQL through PostgresNIO's connection pool. `run()` must be running (the store's scope
/// does that) for queries to be served.
public final class PostgresDatabase: SQLDatabase {
    public let dialect = SQLDialect.postgresql
    let client: PostgresClient
    private let logger: Logger

    public init(configuration: PostgresClient.Configuration, logger: Logger) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Serves the pool's connections until the task is cancelled.
    public func run() async {
        await client.run()
    }

    /// One read-only transaction at REPEATABLE READ: every statement of the body sees the same
    /// snapshot, as `SQLDatabase` promises.
    public func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction { connection in
            try await connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", [])
            return try await body(connection)
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction(body)
    }

    public func refreshStatistics() async throws {
        // VACUUM cannot run inside a transaction: one statement on a pooled connection, for
        // the tables that lists, counts and figures read (of this schema only).
        try await client.withConnection { connection in
            try await connection.query(
                "VACUUM ANALYZE petitions, petition_agencies, published_answers, case_facts, case_clocks, rollups, rollups_monthly, events",
                logger: logger)
        }
    }

    private func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(Connection(connection: connection, logger: logger))
            }
        } catch let error as PostgresTransactionError {
            // The body's own refusal (a workflow rule, a missing row), rolled back cleanly, is
            // what callers expect to see, not the transaction wrapper.
            if let refusal = error.closureError, error.rollbackError == nil { throw refusal }
            throw error
        }
    }

    struct Connection: SQLConnection {
        let connection: PostgresConnection
        let logger: Logger

        func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
            try await connection.query(Self.query(sql, arguments), logger: logger)
        }

        func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
            var rows: [SQLRow] = []
            for try await row in try await connection.query(Self.query(sql, arguments), logger: logger) {
                rows.append(try SQLRow(postgres: row))
            }
            return rows
        }

        static func query(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQuery {
            var bindings = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .null: bindings.appendNull()
                case .int(let i): bindings.append(i)
                case .double(let d): bindings.append(d)
                case .text(let s): bindings.append(s)
                case .blob(let b): bindings.append(ByteBuffer(bytes: b))
                }
            }
            return PostgresQuery(unsafeSQL: numberedPlaceholders(sql), binds: bindings)
        }
    }

    /// Shared SQL writes `?`; PostgreSQL wants `$1`, `$2`, …. Question marks inside quoted
    /// literals are left alone.
    static func numberedPlaceholders(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var inLiteral = false
        for character in sql {
            if character == "'" { inLiteral.toggle() }
            if character == "?" && !inLiteral {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension SQLRow {
    init(postgres row: PostgresRow) throws {
        var columns: [String] = []
        var values: [SQLValue] = []
        for cell in row {
            columns.append(cell.columnName)
            guard cell.bytes != nil else {
                values.append(.null)
                continue
            }
            switch cell.dataType {
            case .int2, .int4, .int8: values.append(.int(try cell.decode(Int64.self)))
            case .float4, .float8: values.append(.double(try cell.decode(Double.self)))
            case .bool: values.append(.int(try cell.decode(Bool.self) ? 1 : 0))
            case .bytea: values.append(.blob(Array(try cell.decode(ByteBuffer.self).readableBytesView)))
            // Aggregates are cast to DOUBLE PRECISION or BIGINT in shared SQL, so numeric never arrives.
            default: values.append(.text(try cell.decode(String.self)))
            }
        }
        self.init(columns: columns, values: values)
    }
}

import Foundation

/// Where the data lives, from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    /// An SQLite file (created with its folder on first use).
    case sqliteFile(path: String)
    /// A private in-memory SQLite database, gone when the store closes: for tests.
    case sqliteMemory
    /// A PostgreSQL server. `schema`, when set, is created if missing and used as search_path,
    /// so that tests can each have a fresh database on one server.
    case postgres(PostgresLocation)

    public var dialect: SQLDialect {
        if case .postgres = self { return .postgresql }
        return .sqlite
    }

    /// The default: `data/langnghe.sqlite` under the working directory.
    public static let defaultURL = "data/langnghe.sqlite"

    /// Reads `sqlite:///absolute/path.sqlite`, `sqlite::memory:`, a plain file path, or
    /// `postgres://user:password@host:port/database`. The message of a failure never repeats
    /// the URL, which may hold a password.
    public init(url: String) throws(DatabaseURLError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { throw DatabaseURLError("is empty") }
        if text == "sqlite::memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard path.hasPrefix("/"), path.count > 1 else {
                throw DatabaseURLError("an sqlite:// URL needs an absolute path, as in sqlite:///var/lib/langnghe.sqlite")
            }
            self = .sqliteFile(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: text))
        } else if text.contains("://") {
            throw DatabaseURLError("has an unknown scheme; use sqlite:// or postgres://")
        } else {
            self = .sqliteFile(path: text)
        }
    }
}

public struct DatabaseURLError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ problem: String) { description = problem }
}

public struct PostgresLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var schema: String?
    /// `?sslmode=require` asks for TLS; the default on loopback is plain.
    public var requireTLS: Bool

    init(url: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw DatabaseURLError("is not a valid postgres:// URL (postgres://user:password@host:5432/database)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseURLError("has no user name (postgres://user:password@host:5432/database)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw DatabaseURLError("has no database name after the host") }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        let query = components.queryItems ?? []
        self.schema = query.first(where: { $0.name == "schema" })?.value
        self.requireTLS = query.contains(where: { $0.name == "sslmode" && $0.value == "require" })
    }
}

/// The database server could not be reached at start-up: where, and why.
public struct DatabaseUnreachable: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let cause: String
    public var description: String {
        "PostgreSQL at \(host):\(port) cannot be used (không kết nối được cơ sở dữ liệu): \(cause)"
    }
}

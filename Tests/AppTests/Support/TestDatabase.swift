import Foundation
import LangNgheStorage
import Logging

/// The database a test runs on: a private in-memory SQLite database by default, or a fresh
/// schema on the PostgreSQL server named by `TEST_DATABASE_URL` (dropped afterwards).
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` with a migrated store holding the reference data and nothing else.
    static func withStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        try await withEmptyStore { store in
            try await store.migrate()
            try await store.loadReferenceData(ReferenceData.bundled())
            let calendar = try ShippedData.calendarOverrides()
            try await store.loadCalendarOverrides(calendar.overrides, version: calendar.version)
            return try await body(store)
        }
    }

    /// The same on a database with no schema at all (for migration tests).
    static func withEmptyStore<T: Sendable>(sqliteFile: Bool = false, _ body: (Store) async throws -> T) async throws -> T {
        let location: DatabaseLocation
        var schema: String?
        var file: String?
        if let url = postgresURL {
            schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            location = try DatabaseLocation(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema!)
        } else if sqliteFile {
            file = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-test-\(UUID().uuidString).sqlite").path
            location = .sqliteFile(path: file!)
        } else {
            location = .sqliteMemory
        }
        defer {
            if let file {
                for path in AttachmentContents.sqliteFiles(of: file) { try? FileManager.default.removeItem(atPath: path) }
            }
        }
        return try await Store.withStore(at: location, logger: logger) { store in
            do {
                let result = try await body(store)
                if let schema { try await drop(schema, store) }
                return result
            } catch {
                if let schema { try? await drop(schema, store) }
                throw error
            }
        }
    }

    /// A migrated store on a file SQLite database (whose reads have connections of their own),
    /// or on the PostgreSQL server when one is configured.
    static func withFileOrServerStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        try await withEmptyStore(sqliteFile: true) { store in
            try await store.migrate()
            return try await body(store)
        }
    }

    private static func drop(_ schema: String, _ store: Store) async throws {
        try await store.database.write { db in try await db.execute("DROP SCHEMA \"\(schema)\" CASCADE") }
    }
}

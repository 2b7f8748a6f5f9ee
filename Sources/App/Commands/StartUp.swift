import Configuration
import Foundation
import LangNgheStorage
import Logging

/// What every command does first: read the settings, open the database, migrate, load the
/// reference data.
enum StartUp {
    static func settings(hostname: String? = nil, port: Int? = nil) throws -> Settings {
        var flags: [AbsoluteConfigKey: ConfigValue] = [:]
        if let hostname { flags[AbsoluteConfigKey(["langnghe", "hostname"])] = ConfigValue(.string(hostname), isSecret: false) }
        if let port { flags[AbsoluteConfigKey(["langnghe", "port"])] = ConfigValue(.string(String(port)), isSecret: false) }
        return try Settings.read(flags: flags)
    }

    static func logger() -> Logger {
        var logger = Logger(label: "langnghe")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// Opens the store, brings its schema and reference data up to date, and runs `body`.
    static func withPreparedStore<T: Sendable>(_ settings: Settings, logger: Logger, _ body: (Store) async throws -> T) async throws -> T {
        try await Store.withStore(at: settings.database, logger: logger, masterKey: MasterKey(secret: settings.dataKey)) { store in
            let applied = try await store.migrate()
            if !applied.isEmpty { logger.info("migrated", metadata: ["migrations": "\(applied.joined(separator: ", "))"]) }
            if try await store.loadReferenceData(ReferenceData.bundled()) { logger.info("reference data loaded") }
            let calendar = try ShippedData.calendarOverrides()
            if try await store.loadCalendarOverrides(calendar.overrides, version: calendar.version) {
                logger.info("official calendar loaded")
            }
            return try await body(store)
        }
    }
}

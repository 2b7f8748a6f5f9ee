import Crypto
import LangNgheCore
import Logging
import PostgresNIO
import Synchronization
import X509

/// LangNghe's storage in domain terms. One implementation, written once against `SQLDatabase`;
/// the two databases differ only below that interface (and in the few dialect branches here).
public final class Store: Sendable {
    public let database: any SQLDatabase
    /// The attachments' bytes, written outside the cases' transactions.
    public let attachmentContents: AttachmentContents
    public var dialect: SQLDialect { database.dialect }
    /// The deadline policies the read models' clocks are computed with.
    public let policies: [DeadlinePolicy]
    /// The deadline engine over the calendar in the database, dropped when the calendar changes.
    let engineCache = Mutex<DeadlineEngine?>(nil)
    /// Wraps the data key that seals the submitters' personal data (`Store+PersonalData`).
    let masterKey: MasterKey
    let dataKeyCache = Mutex<DataKey?>(nil)
    /// The root CA with its key, once opened with the CA passphrase (`Store+Certificates`).
    let rootCache = Mutex<(Certificate, P256.Signing.PrivateKey)?>(nil)

    /// `attachments`: where the attachments' bytes go (`AttachmentContents`); PostgreSQL's are
    /// in `database` itself.
    public init(
        database: any SQLDatabase, attachments: any SQLDatabase, policies: [DeadlinePolicy], masterKey: MasterKey = .development
    ) {
        self.database = database
        attachmentContents = AttachmentContents(database: attachments)
        self.policies = policies
        self.masterKey = masterKey
    }

    /// Opens the database at `location`, runs `body` with the store, and closes it. PostgreSQL's
    /// connection pool runs in a child task for exactly that long.
    public static func withStore<T: Sendable>(
        at location: DatabaseLocation, logger: Logger, masterKey: MasterKey = .development, _ body: (Store) async throws -> T
    ) async throws -> T {
        let policies = try ShippedData.deadlinePolicies()
        switch location {
        case .sqliteMemory:
            return try await body(
                Store(database: try SQLiteDatabase(), attachments: try SQLiteDatabase(), policies: policies, masterKey: masterKey))
        case .sqliteFile(let path):
            return try await body(
                Store(
                    database: try SQLiteDatabase(path: path),
                    attachments: try SQLiteDatabase(path: AttachmentContents.sqlitePath(besides: path), readers: 2),
                    policies: policies, masterKey: masterKey))
        case .postgres(let postgres):
            let database = PostgresDatabase(configuration: postgres.clientConfiguration, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                // A server that is down, or a wrong password, is said at once and stops the
                // command, instead of the pool retrying for ever.
                try await postgres.checkReachable(logger: logger)
                if let schema = postgres.schema {
                    try await database.write { db in try await db.execute("CREATE SCHEMA IF NOT EXISTS \(quoted: schema)") }
                }
                return try await body(Store(database: database, attachments: database, policies: policies, masterKey: masterKey))
            }
        }
    }

    /// Applies pending migrations; returns their names. A migration that adds read models is
    /// followed by a rebuild of them from the events.
    @discardableResult
    public func migrate() async throws -> [String] {
        let applied = try await Migrator(database: database).migrate()
        try await attachmentContents.prepare()
        if try await isPending(Migrator.projectionsPending) {
            try await rebuildProjections()
            try await clearPending(Migrator.projectionsPending)
        }
        // Opens the data key at once, so that a wrong LANGNGHE_DATA_KEY stops the start.
        let hasKey = try await database.read { db in try await db.first("SELECT id FROM data_keys WHERE id = 1") != nil }
        if hasKey { _ = try await database.read { db in try await self.dataKey(in: db, create: false) } }
        if try await isPending(Migrator.sealingPending) {
            try await sealSubmittersInClear()
            try await clearPending(Migrator.sealingPending)
        }
        if try await isPending(Migrator.assistancePending) {
            try await indexForAssistance()
            try await clearPending(Migrator.assistancePending)
        }
        if try await isPending(Migrator.attachmentsPending) {
            // Clears the marker itself, in the transaction that drops the emptied column.
            try await moveAttachmentContents()
        }
        return applied
    }

    private func isPending(_ marker: String) async throws -> Bool {
        try await database.read { db in try await db.first("SELECT name FROM reference_versions WHERE name = ?", marker) != nil }
    }

    private func clearPending(_ marker: String) async throws {
        try await database.write { db in try await db.execute("DELETE FROM reference_versions WHERE name = ?", marker) }
    }

    /// Whether the database answers.
    public func ping() async throws {
        _ = try await database.read { db in try await db.query("SELECT 1 AS one") }
    }
}

extension PostgresLocation {
    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: requireTLS ? .require(.clientDefault) : .disable)
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }
}

extension String.StringInterpolation {
    /// An SQL identifier, double-quoted.
    mutating func appendInterpolation(quoted identifier: String) {
        appendLiteral("\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }
}

import Configuration
import LangNgheStorage
import Testing

@testable import App

@Suite struct SettingsTests {
    @Test func defaultsServeTheLocalSQLiteFile() throws {
        let settings = try Settings.read(environment: [:])
        #expect(settings.environment == .development)
        #expect(settings.hostname == "127.0.0.1")
        #expect(settings.port == 8080)
        #expect(settings.database == .sqliteFile(path: "data/langnghe.sqlite"))
        #expect(settings.baseURL == "http://127.0.0.1:8080")
    }

    @Test func theNamingMinimumIsASetting() throws {
        #expect(try Settings.read(environment: [:]).namingMinimum == 3)
        #expect(try Settings.read(environment: ["LANGNGHE_NAMING_MINIMUM": "5"]).namingMinimum == 5)
        #expect(throws: SettingsError.self) { try Settings.read(environment: ["LANGNGHE_NAMING_MINIMUM": "0"]) }
        do {
            _ = try Settings.read(environment: ["LANGNGHE_NAMING_MINIMUM": "many"])
        } catch {
            #expect(error.problems.first?.hasPrefix("LANGNGHE_NAMING_MINIMUM") == true)
        }
    }

    @Test func thePublicPagesAreKeptForTwoSecondsUnlessSaidOtherwise() throws {
        #expect(try Settings.read(environment: [:]).pageCacheSeconds == 2)
        #expect(try Settings.read(environment: ["LANGNGHE_PAGE_CACHE_SECONDS": "0"]).pageCacheSeconds == 0)
        do {
            _ = try Settings.read(environment: ["LANGNGHE_PAGE_CACHE_SECONDS": "11"])
            Issue.record("11 seconds was taken")
        } catch {
            #expect(error.problems.first?.hasPrefix("LANGNGHE_PAGE_CACHE_SECONDS") == true)
        }
    }

    @Test func flagsWinOverTheEnvironment() throws {
        let flags: [AbsoluteConfigKey: ConfigValue] = [
            AbsoluteConfigKey(["langnghe", "port"]): ConfigValue(.string("9090"), isSecret: false)
        ]
        let settings = try Settings.read(
            flags: flags,
            environment: [
                "LANGNGHE_PORT": "7070", "LANGNGHE_HOSTNAME": "0.0.0.0",
                "DATABASE_URL": "postgres://app:s3cret@db.internal:6543/langnghe", "HOSTNAME": "machine-name",
            ])
        #expect(settings.port == 9090)
        #expect(settings.hostname == "0.0.0.0")
        guard case .postgres(let postgres) = settings.database else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(postgres.host == "db.internal")
        #expect(postgres.port == 6543)
        #expect(postgres.username == "app")
        #expect(postgres.password == "s3cret")
        #expect(postgres.database == "langnghe")
    }

    @Test func everyProblemIsNamedAtOnceWithoutSecrets() {
        do {
            _ = try Settings.read(environment: [
                "LANGNGHE_ENV": "staging", "LANGNGHE_PORT": "http", "DATABASE_URL": "mysql://root:hunter2@x/db",
                "BASE_URL": "ftp://x",
            ])
            Issue.record("expected an error")
        } catch {
            let text = error.description
            #expect(error.problems.count == 4)
            for name in ["LANGNGHE_ENV", "--port", "DATABASE_URL", "BASE_URL"] { #expect(text.contains(name)) }
            #expect(!text.contains("hunter2"))
        }
    }

    @Test func productionNeedsARealSecret() {
        #expect(throws: SettingsError.self) { try Settings.read(environment: ["LANGNGHE_ENV": "production"]) }
        #expect(throws: SettingsError.self) {
            try Settings.read(environment: ["LANGNGHE_ENV": "production", "LANGNGHE_SECRET": "short"])
        }
        // The data key too: it seals the submitters' personal data (issue 9).
        do {
            _ = try Settings.read(environment: ["LANGNGHE_ENV": "production", "LANGNGHE_SECRET": String(repeating: "k", count: 40)])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.problems == [
                    "LANGNGHE_DATA_KEY: must be set in production (it seals the submitters' personal data)",
                    "LANGNGHE_CA_PASSPHRASE: must be set in production (it seals the root CA's key that certifies the agencies' signatures)",
                    "SMTP_URL: must be set in production (or LANGNGHE_MAIL_FOLDER, to keep mail in a folder)",
                ])
            #expect(!error.description.contains("kkkk"))
        }
        #expect(throws: SettingsError.self) {
            try Settings.read(environment: [
                "LANGNGHE_ENV": "production", "LANGNGHE_SECRET": String(repeating: "k", count: 40), "LANGNGHE_DATA_KEY": "short",
            ])
        }
        // The CA passphrase: it seals the root that certifies the agencies' signing keys (issue 11).
        #expect(throws: SettingsError.self) {
            try Settings.read(environment: [
                "LANGNGHE_ENV": "production", "LANGNGHE_SECRET": String(repeating: "k", count: 40),
                "LANGNGHE_DATA_KEY": String(repeating: "d", count: 40), "LANGNGHE_CA_PASSPHRASE": "short",
            ])
        }
        let settings = try? Settings.read(environment: [
            "LANGNGHE_ENV": "production", "LANGNGHE_SECRET": String(repeating: "k", count: 40),
            "LANGNGHE_DATA_KEY": String(repeating: "d", count: 40), "LANGNGHE_CA_PASSPHRASE": "một câu dài để mở khóa CA gốc",
            "SMTP_URL": "smtps://langnghe:m%E1%BA%ADt-kh%E1%BA%A9u@mail.chinhphu.vn",
        ])
        #expect(settings?.environment == .production)
        #expect(settings?.dataKey == String(repeating: "d", count: 40))
    }

    @Test(arguments: [
        ("sqlite:///var/lib/langnghe.sqlite", DatabaseLocation.sqliteFile(path: "/var/lib/langnghe.sqlite")),
        ("sqlite::memory:", DatabaseLocation.sqliteMemory),
        ("other/file.sqlite", DatabaseLocation.sqliteFile(path: "other/file.sqlite")),
    ])
    func databaseURLs(_ url: String, _ expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation(url: url) == expected)
    }

    @Test(arguments: ["sqlite://relative.sqlite", "postgres://host/db", "postgres://user@/db", "postgres://user@host", "", "redis://x"])
    func badDatabaseURLsAreRefused(_ url: String) {
        #expect(throws: DatabaseURLError.self) { try DatabaseLocation(url: url) }
    }
}

/// A PostgreSQL server that is down stops start-up at once with where and why (issue 10 §2:
/// the pool used to retry for ever, logging at info level).
@Suite struct DatabaseReachabilityTests {
    @Test func aServerThatIsDownIsNamedWithTheCause() async throws {
        let started = ContinuousClock.now
        do {
            try await Store.withStore(
                at: try DatabaseLocation(url: "postgres://langnghe@127.0.0.1:1/langnghe"), logger: TestDatabase.logger
            ) { _ in }
            Issue.record("expected an error")
        } catch let error as DatabaseUnreachable {
            #expect(error.description.contains("127.0.0.1:1"))
            #expect(!error.cause.isEmpty)
        }
        // Start-up waits up to 15 s for a server that may be starting too; the bound here is
        // looser so that a busy machine does not fail it: what matters is that it ends.
        #expect(ContinuousClock.now - started < .seconds(40))
    }
}

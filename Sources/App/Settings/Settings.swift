import Configuration
import LangNgheCore
import LangNgheStorage

/// Everything the server is told at start-up, read once from flags and the environment.
public struct Settings: Sendable {
    public enum Environment: String, Sendable, CaseIterable {
        /// The default: demo data on first run, readable errors.
        case development
        /// Refuses demo accounts and default secrets; loads no demo data.
        case production
        /// For the test suite: no demo data, fixed secrets allowed.
        case testing
    }

    public var environment: Environment
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// The public address, for links in e-mails and feeds.
    public var baseURL: String
    /// Signs CSRF tokens. Never printed.
    public var secret: String
    /// Wraps the key that seals the submitters' personal data in the database
    /// (`LANGNGHE_DATA_KEY`). Never printed, never stored.
    public var dataKey: String
    /// Seals the root CA's private key (`LANGNGHE_CA_PASSPHRASE`), stretched with PBKDF2. Never
    /// printed, never stored.
    public var caPassphrase: CAPassphrase
    /// How often the server runs the reminder job; nil runs none (tests, or `jobs run-once` from cron).
    public var schedulerInterval: Duration?
    /// Cases an agency needs for a reason in the period before it is named for it publicly.
    public var namingMinimum: Int
    /// A connection that sends no complete request head (or nothing at all) for this long, or
    /// sits idle between requests, is closed: a thousand half-open connections used to stay
    /// open forever (issue 9).
    public var connectionIdleSeconds = 30
    /// How long a public page as anonymous readers see it (`PageCache`) is kept; 0 keeps none
    /// (the tests' default, which read a page just after changing it).
    public var pageCacheSeconds = 0
    /// How long the public figures of a period (dashboard, conduct page, their JSON) are kept
    /// before they are computed again; 0 keeps nothing.
    public var figuresCacheSeconds: Int
    /// Petitions one client address may file per hour, and one sender (phone or e-mail) per
    /// day; 0: no limit. The clerk's intake is exempt.
    public var submissionsPerAddressPerHour: Int
    public var submissionsPerSenderPerDay: Int
    /// Whether leaders, coordinators and admins must sign in with a second factor (on by default
    /// in production; `LANGNGHE_REQUIRE_SECOND_FACTOR`).
    public var requireSecondFactor: Bool
    /// Mail, SMS and the delivery worker (`NotificationSettings`).
    var notifications = NotificationSettings()

    /// PBKDF2 rounds for the root CA's key: fewer in tests, where each database makes its own root.
    static func caKeyRounds(_ environment: Environment) -> Int { environment == .testing ? 1_000 : 600_000 }

    /// The secret used outside production when none is given: fine for a laptop, refused in
    /// production.
    public static let developmentSecret = "langnghe-development-secret-not-for-production"

    public init(
        environment: Environment = .testing, hostname: String = "127.0.0.1", port: Int = 8080,
        database: DatabaseLocation = .sqliteMemory, baseURL: String = "http://127.0.0.1:8080",
        secret: String = Settings.developmentSecret, dataKey: String = MasterKey.developmentSecret, schedulerInterval: Duration? = nil,
        namingMinimum: Int = RankingCriteria.standard.minimumEvidence, figuresCacheSeconds: Int = 60,
        submissionsPerAddressPerHour: Int = 30, submissionsPerSenderPerDay: Int = 10, requireSecondFactor: Bool? = nil,
        caPassphrase: CAPassphrase? = nil
    ) {
        // Tests seal with few rounds: each test database makes its own root.
        self.caPassphrase = caPassphrase ?? CAPassphrase(CAPassphrase.developmentText, rounds: Self.caKeyRounds(environment))
        self.requireSecondFactor = requireSecondFactor ?? (environment == .production)
        self.submissionsPerAddressPerHour = submissionsPerAddressPerHour
        self.submissionsPerSenderPerDay = submissionsPerSenderPerDay
        self.figuresCacheSeconds = figuresCacheSeconds
        self.namingMinimum = namingMinimum
        self.schedulerInterval = schedulerInterval
        self.environment = environment
        self.hostname = hostname
        self.port = port
        self.database = database
        self.baseURL = baseURL
        self.secret = secret
        self.dataKey = dataKey
    }
}

/// Every missing or invalid setting, named together so that one start-up shows them all.
public struct SettingsError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "Cấu hình không hợp lệ / invalid settings:\n" + problems.map { "  - " + $0 }.joined(separator: "\n")
    }
}

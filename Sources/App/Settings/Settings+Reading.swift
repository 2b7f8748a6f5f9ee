import Configuration
import Foundation
import LangNgheCore
import LangNgheStorage

extension Settings {
    /// Reads the settings: command-line flags first, then the environment, then defaults.
    ///
    /// Environment variables: `DATABASE_URL`, `BASE_URL`, `LANGNGHE_ENV`, `LANGNGHE_SECRET`,
    /// `LANGNGHE_DATA_KEY`, `LANGNGHE_CA_PASSPHRASE`, the notifications' (`NotificationSettings`),
    /// `LANGNGHE_HOSTNAME`, `LANGNGHE_PORT` (the last two also as `--hostname` / `--port`; not
    /// plain `HOSTNAME`, which every Linux shell sets to the machine's name).
    public static func read(
        flags: [AbsoluteConfigKey: ConfigValue] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingsError) -> Settings {
        let reader = ConfigReader(providers: [
            InMemoryProvider(values: flags),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ])
        var problems: [String] = []

        let envText = reader.string(forKey: "langnghe.env", default: Environment.development.rawValue)
        let env =
            Environment(rawValue: envText)
            ?? {
                problems.append("LANGNGHE_ENV: '\(envText)' is not one of development, production, testing")
                return .development
            }()

        let hostname = reader.string(forKey: "langnghe.hostname", default: "127.0.0.1")
        if hostname.isEmpty { problems.append("--hostname: must not be empty") }
        let portText = reader.string(forKey: "langnghe.port", default: "8080")
        let port =
            Int(portText).flatMap { (1...65535).contains($0) ? $0 : nil }
            ?? {
                problems.append("--port: '\(portText)' is not a port number (1–65535)")
                return 8080
            }()

        var database = DatabaseLocation.sqliteFile(path: DatabaseLocation.defaultURL)
        do {
            database = try DatabaseLocation(url: reader.string(forKey: "database.url", default: DatabaseLocation.defaultURL))
        } catch {
            problems.append("DATABASE_URL: \(error.description)")
        }

        let baseURL = reader.string(forKey: "base.url", default: "http://\(hostname):\(port)")
        if URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            problems.append("BASE_URL: must be an http:// or https:// address")
        }

        let secret = reader.string(forKey: "langnghe.secret", isSecret: true) ?? developmentSecret
        if env == .production {
            if secret == developmentSecret {
                problems.append("LANGNGHE_SECRET: must be set in production")
            } else if secret.utf8.count < 32 {
                problems.append("LANGNGHE_SECRET: must be at least 32 characters")
            }
        }

        let dataKey = reader.string(forKey: "langnghe.data.key", isSecret: true) ?? MasterKey.developmentSecret
        if env == .production, dataKey == MasterKey.developmentSecret {
            problems.append("LANGNGHE_DATA_KEY: must be set in production (it seals the submitters' personal data)")
        } else if dataKey.utf8.count < 32 {
            problems.append("LANGNGHE_DATA_KEY: must be at least 32 characters")
        }

        let caPassphrase = reader.string(forKey: "langnghe.ca.passphrase", isSecret: true) ?? CAPassphrase.developmentText
        if env == .production, caPassphrase == CAPassphrase.developmentText {
            problems.append(
                "LANGNGHE_CA_PASSPHRASE: must be set in production (it seals the root CA's key that certifies the agencies' signatures)")
        } else if caPassphrase.utf8.count < 16 {
            problems.append("LANGNGHE_CA_PASSPHRASE: must be at least 16 characters")
        }

        /// A whole number in `range`, or the problem named with the variable and what it means.
        /// The variable's name is the key's (`langnghe.page.cache.seconds`: `LANGNGHE_PAGE_CACHE_SECONDS`),
        /// so that the two cannot disagree.
        func number(_ key: String, default value: Int, in range: ClosedRange<Int>, meaning: String) -> Int {
            let name = key.uppercased().replacingOccurrences(of: ".", with: "_")
            let text = reader.string(forKey: ConfigKey(key), default: String(value))
            return Int(text).flatMap { range.contains($0) ? $0 : nil }
                ?? {
                    problems.append("\(name): '\(text)' is not \(meaning)")
                    return value
                }()
        }
        let interval = number(
            "langnghe.scheduler.interval", default: env == .testing ? 0 : 900, in: 0...Int.max,
            meaning: "a number of seconds (0 turns the scheduler off)")
        let naming = number(
            "langnghe.naming.minimum", default: RankingCriteria.standard.minimumEvidence, in: 1...1000,
            meaning: "a number of cases from 1 to 1000")
        let cache = number(
            "langnghe.figures.cache.seconds", default: 60, in: 0...3600,
            meaning: "a number of seconds from 0 to 3600")
        let pageCache = number(
            "langnghe.page.cache.seconds", default: 2, in: 0...10,
            meaning: "a number of seconds from 0 to 10")
        let perAddress = number(
            "langnghe.submissions.per.address.hour", default: 30, in: 0...100_000,
            meaning: "a number from 0 (no limit) to 100000")
        let perSender = number(
            "langnghe.submissions.per.sender.day", default: 10, in: 0...100_000,
            meaning: "a number from 0 (no limit) to 100000")

        let secondFactorText = reader.string(forKey: "langnghe.require.second.factor", default: env == .production ? "true" : "false")
        let secondFactor = ["true", "1", "yes"].contains(secondFactorText.lowercased())
        if !["true", "1", "yes", "false", "0", "no"].contains(secondFactorText.lowercased()) {
            problems.append("LANGNGHE_REQUIRE_SECOND_FACTOR: '\(secondFactorText)' is not true or false")
        }

        let notifications = NotificationSettings.read(reader, environment: env, baseURL: baseURL, problems: &problems)

        if !problems.isEmpty { throw SettingsError(problems: problems) }
        var settings = Settings(
            environment: env, hostname: hostname, port: port, database: database, baseURL: baseURL, secret: secret, dataKey: dataKey,
            schedulerInterval: interval > 0 ? .seconds(interval) : nil, namingMinimum: naming, figuresCacheSeconds: cache,
            submissionsPerAddressPerHour: perAddress, submissionsPerSenderPerDay: perSender, requireSecondFactor: secondFactor,
            caPassphrase: CAPassphrase(caPassphrase, rounds: caKeyRounds(env)))
        settings.notifications = notifications
        settings.pageCacheSeconds = pageCache
        return settings
    }
}

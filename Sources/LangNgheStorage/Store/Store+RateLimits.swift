import Foundation
import LangNgheCore

/// At most `limit` hits on `key` within `window` seconds.
public struct RateLimit: Sendable, Hashable {
    public var key: String
    public var limit: Int
    public var window: TimeInterval

    public init(key: String, limit: Int, window: TimeInterval) {
        self.key = key
        self.limit = limit
        self.window = window
    }
}

extension Store {
    /// Records one hit on every key, unless one of them is at its limit: then records nothing
    /// and returns the seconds until that key has room again. Counting and recording share one
    /// transaction that no other hit interleaves with, so parallel requests cannot all pass.
    public func hit(_ limits: [RateLimit], at now: Date) async throws -> Int? {
        guard !limits.isEmpty else { return nil }
        return try await database.write { db in
            if self.dialect == .postgresql { try await db.execute("SELECT pg_advisory_xact_lock(7411003)") }
            var wait: Int?
            for limit in limits {
                let since = now.addingTimeInterval(-limit.window)
                let row = try await db.first(
                    "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_limit_hits WHERE key = ? AND at >= ?", limit.key,
                    Timestamp.string(since))
                guard let count = row?.int("n"), count >= limit.limit else { continue }
                let oldest = row?.string("oldest").flatMap(Timestamp.date) ?? now
                let seconds = max(1, Int(oldest.addingTimeInterval(limit.window).timeIntervalSince(now).rounded(.up)))
                wait = max(wait ?? 0, seconds)
            }
            if let wait { return wait }
            for limit in limits {
                try await db.execute(
                    "DELETE FROM rate_limit_hits WHERE key = ? AND at < ?", limit.key,
                    Timestamp.string(now.addingTimeInterval(-limit.window)))
                try await db.execute("INSERT INTO rate_limit_hits (key, at) VALUES (?, ?)", limit.key, Timestamp.string(now))
            }
            return nil
        }
    }
}

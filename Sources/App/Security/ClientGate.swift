import Synchronization

/// How many expensive requests (statistics, the conduct page, search) one client address may
/// have in progress at once: more are refused with 429 and `Retry-After`, so that one client
/// cannot occupy the server while others wait.
final class ClientGate: Sendable {
    private let inProgress = Mutex<[String: Int]>([:])
    let perClient: Int

    init(perClient: Int) {
        self.perClient = perClient
    }

    func admit<T>(_ client: String, _ body: () async throws -> T) async throws -> T {
        let admitted = inProgress.withLock { counts in
            guard counts[client, default: 0] < perClient else { return false }
            counts[client, default: 0] += 1
            return true
        }
        guard admitted else { throw AppError.rateLimited(retryAfter: 1) }
        defer {
            inProgress.withLock { counts in
                let left = counts[client, default: 1] - 1
                counts[client] = left > 0 ? left : nil
            }
        }
        return try await body()
    }
}

import Hummingbird
import Synchronization

/// How many expensive requests (statistics, the conduct page, search) one client address may
/// have in progress at once: more are refused with 429 and `Retry-After`, so that one client
/// cannot occupy the server while others wait. As middleware, for the paths given and the paths
/// below them (the dashboard's charts).
final class ClientGate: RouterMiddleware, Sendable {
    typealias Context = AppRequestContext
    private let inProgress = Mutex<[String: Int]>([:])
    let perClient: Int
    let paths: [String]
    /// What a client over its share is told.
    let refusal: AppError

    init(perClient: Int, paths: [String] = [], refusal: AppError = .rateLimited(retryAfter: 1)) {
        self.perClient = perClient
        self.paths = paths
        self.refusal = refusal
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard paths.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return try await next(request, context) }
        return try await admit(context.ip) { try await next(request, context) }
    }

    func admit<T>(_ client: String, _ body: () async throws -> T) async throws -> T {
        let admitted = inProgress.withLock { counts in
            guard counts[client, default: 0] < perClient else { return false }
            counts[client, default: 0] += 1
            return true
        }
        guard admitted else { throw refusal }
        defer {
            inProgress.withLock { counts in
                let left = counts[client, default: 1] - 1
                counts[client] = left > 0 ? left : nil
            }
        }
        return try await body()
    }
}

import HTTPTypes
import Hummingbird

/// Methods the application answers: GET, HEAD and POST on pages, and DELETE as well on the API.
/// Anything else (TRACE, PUT, PATCH, …) is 405 with `Allow`, before any other check: it used to
/// be 404, or 403 on pages, where the CSRF check saw a state-changing request first.
struct MethodMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let pageMethods: [HTTPRequest.Method] = [.get, .head, .post]
    static let apiMethods: [HTTPRequest.Method] = [.get, .head, .post, .delete]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let allowed = FormMiddleware.isMachineInterface(request.uri.path) ? Self.apiMethods : Self.pageMethods
        guard allowed.contains(request.method) else { throw AppError.methodNotAllowed(allowed.map(\.rawValue).joined(separator: ", ")) }
        return try await next(request, context)
    }
}

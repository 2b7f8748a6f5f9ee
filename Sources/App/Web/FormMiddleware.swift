import Hummingbird
import NIOCore

/// For the web pages (not the API, which browsers cannot post to with cookies that matter):
/// gives every visitor a CSRF cookie, and refuses any state-changing request whose form does not
/// carry the matching token. Routes read the already parsed form from the context, so none can
/// forget the check.
struct FormMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let csrf: CSRF
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isMachineInterface(request.uri.path) { return try await next(request, context) }
        var context = context
        let existing = request.cookies[CSRF.cookieName]?.value
        let cookie = existing.flatMap { $0.isEmpty ? nil : $0 } ?? CSRF.newCookieValue()
        context.csrfToken = csrf.formToken(forCookie: cookie)

        if ![.get, .head, .options].contains(request.method) {
            var request = request
            let form = try await Self.parse(&request)
            guard csrf.isValid(formToken: form[CSRF.fieldName], cookie: existing) else {
                throw AppError.missingCSRFToken
            }
            context.form = form
            return try await finish(request, context, cookie: existing == nil ? cookie : nil, next: next)
        }
        return try await finish(request, context, cookie: existing == nil ? cookie : nil, next: next)
    }

    private func finish(
        _ request: Request, _ context: Context, cookie: String?, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if let cookie {
            response.setCookie(Cookie(name: CSRF.cookieName, value: cookie, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    static func isMachineInterface(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path.hasPrefix("/open311/") || path == "/healthz" || path.hasPrefix("/feeds/")
    }

    /// Reads a urlencoded or multipart body within the upload limit.
    static func parse(_ request: inout Request) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        let body = try await collect(&request, limit: Limits.uploadBody)
        if contentType.hasPrefix("multipart/form-data") {
            guard let boundary = MediaType(from: contentType)?.parameter?.value else { throw AppError.unsupportedMediaType }
            do { return try FormData.multipart(body, boundary: boundary) } catch { throw AppError.malformedRequest }
        }
        if contentType.hasPrefix("application/x-www-form-urlencoded") || body.readableBytes == 0 {
            return FormData.urlEncoded(body)
        }
        throw AppError.unsupportedMediaType
    }

    static func collect(_ request: inout Request, limit: Int) async throws -> ByteBuffer {
        do { return try await request.collectBody(upTo: limit) } catch is NIOTooManyBytesError { throw AppError.tooLarge }
    }
}

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
            // What can be refused without reading the body is refused first: a 50 MB post used
            // to be read in full before its CSRF token was looked at (issue 9).
            guard let existing, !existing.isEmpty else { throw AppError.missingCSRFToken }
            var request = request
            let form = try await Self.parse(&request, limits: FormLimits(path: request.uri.path))
            guard csrf.isValid(formToken: form[CSRF.fieldName], cookie: existing) else {
                throw AppError.missingCSRFToken
            }
            context.form = form
            return try await finish(request, context, cookie: nil, next: next)
        }
        return try await finish(request, context, cookie: existing == nil ? cookie : nil, next: next)
    }

    private func finish(
        _ request: Request, _ context: Context, cookie: String?, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if let cookie {
            response.setCookie(
                Cookie(name: CSRF.cookieName, value: cookie, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    static func isMachineInterface(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path.hasPrefix("/open311/") || path == "/healthz" || path.hasPrefix("/feeds/")
            // A mail client's one-click unsubscribe posts without cookies (RFC 8058); its signed
            // token, not a session, says whose mail stops.
            || path.hasPrefix(Site.unsubscribePrefix)
    }

    /// Reads a urlencoded or multipart body within `limits`: the content type and the declared
    /// length are checked before a byte is read, and bodies larger than a text form wait for one
    /// of a few upload places, so that parallel uploads cannot exhaust memory.
    static func parse(_ request: inout Request, limits: FormLimits = .upload) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        let multipart = contentType.hasPrefix("multipart/form-data")
        guard
            (multipart && limits.allowsFiles) || contentType.hasPrefix("application/x-www-form-urlencoded")
                || (contentType.isEmpty && declared == 0)
        else { throw AppError.unsupportedMediaType }
        if let declared, declared > limits.bytes { throw AppError.tooLarge }
        if multipart {
            // Files go to disk as they arrive; the body is never held whole.
            guard let boundary = MediaType(from: contentType)?.parameter?.value else { throw AppError.unsupportedMediaType }
            let body = request.body
            let large = (declared ?? Int.max) > Limits.formBody
            return try await readingBody {
                try await large
                    ? ClientGate.uploads.admit("uploads") {
                        try await FormData.multipart(body, boundary: boundary, limit: limits.bytes, textLimit: Limits.formBody)
                    }
                    : FormData.multipart(body, boundary: boundary, limit: limits.bytes, textLimit: Limits.formBody)
            }
        }
        return FormData.urlEncoded(try await collect(&request, limit: limits.bytes))
    }

    static func collect(_ request: inout Request, limit: Int) async throws -> ByteBuffer {
        // A declared length beyond the limit is refused before a byte is read.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw AppError.tooLarge }
        return try await readingBody { try await request.collectBody(upTo: limit) }
    }

    /// What reading a body can fail with, in the client's terms: too large, or unreadable (a
    /// broken chunk size, a body shorter than its length and the sender gone) — the sender's
    /// mistake, not a server error. Our own refusals and cancellation pass through.
    private static func readingBody<T>(_ read: () async throws -> T) async throws -> T {
        do {
            return try await read()
        } catch let error as AppError {
            throw error
        } catch is NIOTooManyBytesError {
            throw AppError.tooLarge
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AppError.malformedRequest
        }
    }
}

import HTTPTypes
import Hummingbird

/// Headers every response carries: no inline script or style (but a standalone document's own
/// style, by its hash), no framing, no type sniffing,
/// no referrer leaking a tracking code to other sites; and when the site is served over HTTPS,
/// browsers told to use nothing else for a year (HSTS).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether `BASE_URL` is https.
    let httpsOnly: Bool

    static var contentSecurityPolicy: String { contentSecurityPolicy(styleHashes: []) }

    /// The policy, allowing the inline style elements whose SHA-256 (base64) is given: a
    /// standalone document (a printable report) carries its styles to work offline.
    static func contentSecurityPolicy(styleHashes: [String]) -> String {
        "default-src 'self'; img-src 'self' data:; style-src 'self'\(styleHashes.map { " 'sha256-\($0)'" }.joined()); script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A handler may have narrowed it to a document's own inline style; never widened otherwise.
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        if httpsOnly { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xAccessKey = Self("X-Access-Key")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

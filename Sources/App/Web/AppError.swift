import Hummingbird
import LangNgheCore

/// Everything a request can fail with, in terms the reader can act on. The error middleware
/// turns it into an HTML page or the API's `{"error": {"code", "message", "fields"}}`.
public enum AppError: Error, Sendable {
    case validation([FieldError])
    case malformedRequest
    case tooLarge
    case unsupportedMediaType
    case notFound
    case missingCSRFToken
    case unauthorized
    case forbidden
    case conflict(String)
    /// Wrong username or password (the same answer for both, so accounts cannot be probed).
    case loginFailed
    /// Too many failed sign-ins for this account or this address: wait.
    case tooManyAttempts
    /// A back-office page asked for without signing in: pages redirect to the sign-in form.
    case signInRequired
    /// Too many requests of this kind from this client or for this sender: try again after
    /// `retryAfter` seconds.
    case rateLimited(retryAfter: Int)
    /// The server is at its limit for this kind of request (large uploads, expensive pages).
    case busy
    /// The password was right; the account's second factor (a code) is needed too.
    case secondFactorRequired
    /// The account must enrol a second factor, on the web, before the API gives it a token.
    case enrolmentRequired
    /// A method the application never answers; the methods it does, for `Allow`.
    case methodNotAllowed(String)

    var status: HTTPResponse.Status {
        switch self {
        case .validation: .unprocessableContent
        case .malformedRequest: .badRequest
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .notFound: .notFound
        case .missingCSRFToken, .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .conflict: .conflict
        case .loginFailed: .unauthorized
        case .tooManyAttempts: .tooManyRequests
        case .signInRequired: .unauthorized
        case .rateLimited: .tooManyRequests
        case .busy: .serviceUnavailable
        case .secondFactorRequired: .unauthorized
        case .enrolmentRequired: .forbidden
        case .methodNotAllowed: .methodNotAllowed
        }
    }

    /// The stable machine code in the API's error JSON.
    var code: String {
        switch self {
        case .validation: "validationFailed"
        case .malformedRequest: "malformedRequest"
        case .tooLarge: "tooLarge"
        case .unsupportedMediaType: "unsupportedMediaType"
        case .notFound: "notFound"
        case .missingCSRFToken: "csrfTokenInvalid"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .conflict: "conflict"
        case .loginFailed: "loginFailed"
        case .tooManyAttempts: "tooManyAttempts"
        case .signInRequired: "unauthorized"
        case .rateLimited: "rateLimited"
        case .busy: "busy"
        case .secondFactorRequired: "secondFactorRequired"
        case .enrolmentRequired: "enrolmentRequired"
        case .methodNotAllowed: "methodNotAllowed"
        }
    }

    /// Seconds a client should wait before trying again (the `Retry-After` header).
    var retryAfter: Int? {
        switch self {
        case .tooManyAttempts: Int(StaffAuth.throttleWindow)
        case .rateLimited(let seconds): seconds
        case .busy: 5
        default: nil
        }
    }
}

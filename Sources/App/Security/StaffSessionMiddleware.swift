import Hummingbird
import LangNgheStorage

/// Finds who is signed in: a bearer token on the API (an invalid, expired or revoked one is
/// refused at once), the session cookie on pages. The API never accepts the cookie, so a
/// browser cannot be tricked into using it there.
struct StaffSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let auth: StaffAuth

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if FormMiddleware.isMachineInterface(request.uri.path) {
            if let header = request.headers[.authorization] {
                guard header.hasPrefix("Bearer "), let account = try await auth.account(for: String(header.dropFirst(7)), kind: .api) else {
                    throw AppError.unauthorized
                }
                context.staff = account
            }
        } else if let token = request.cookies[StaffAuth.cookieName]?.value, let session = try await auth.session(for: token, kind: .web) {
            // A password-only session of an account that must enrol opens the enrolment page
            // (and signing out), nothing else.
            if session.enrolOnly, ![Site.secondFactor.path, Site.signOut.path].contains(request.uri.path) {
                if request.uri.path.hasPrefix(Site.backOffice) { return .redirect(to: Site.secondFactor.path, type: .normal) }
            } else {
                context.staff = session.account
            }
        }
        do {
            return try await next(request, context)
        } catch let error as AppError where error.isDenial {
            // Here we know who was refused: log it once, with the account and the address.
            try await auth.store.log(
                SecurityLogEntry(
                    at: auth.environment.now(), action: "denied", staffID: context.staff?.id, username: context.staff?.username,
                    ip: context.ip, detail: "\(request.method.rawValue) \(request.uri.path) \(error.code)"))
            throw LoggedDenial(error: error)
        }
    }
}

/// A denial already in the security log; the error middleware renders the error inside.
struct LoggedDenial: Error {
    let error: AppError
}

extension AppError {
    /// Refusals that the security log records (not sign-in failures, which it records apart).
    var isDenial: Bool {
        switch self {
        case .forbidden, .unauthorized, .missingCSRFToken: true
        default: false
        }
    }
}

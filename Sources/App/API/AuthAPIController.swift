import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/auth`: bearer tokens for staff.
struct AuthAPIController {
    let auth: StaffAuth

    struct Credentials: Decodable {
        var username: String?
        var password: String?
        /// The second factor: six digits from the authenticator app, or a recovery code.
        var code: String?
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await request.jsonData(limit: 16_384)
        let credentials: Credentials
        do { credentials = try JSONDecoder().decode(Credentials.self, from: body) } catch { throw AppError.malformedRequest }
        var missing: [FieldError] = []
        if (credentials.username ?? "").isEmpty { missing.append(FieldError("username", .required)) }
        if (credentials.password ?? "").isEmpty { missing.append(FieldError("password", .required)) }
        guard missing.isEmpty, let username = credentials.username, let password = credentials.password else {
            throw AppError.validation(missing)
        }
        let signedIn = try await auth.signIn(username: username, password: password, code: credentials.code, ip: context.ip, kind: .api)
        return JSONBody.response(["token": signedIn.token, "expiresAt": Timestamp.string(signedIn.expiresAt)])
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "), context.staff != nil else {
            throw AppError.unauthorized
        }
        try await auth.signOut(token: String(header.dropFirst(7)), account: context.staff, ip: context.ip)
        return Response(status: .noContent)
    }
}

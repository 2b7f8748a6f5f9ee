import Foundation
import Hummingbird
import LangNgheStorage

/// Signing in and out of the back office.
struct LoginController {
    let auth: StaffAuth
    let views: Views
    let secureCookies: Bool

    struct LoginPage {
        let username: String
        let message: String?
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.staff != nil { return .redirect(to: Site.inbox.path, type: .normal) }
        return page(username: "", message: nil, context: context, status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let signedIn = try await auth.signIn(
                username: username, password: form["password"] ?? "", code: form["code"], ip: context.ip, kind: .web)
            // A new session id at every sign-in (no fixation): the old one, if any, ends.
            if let old = request.cookies[StaffAuth.cookieName]?.value {
                try await auth.store.deleteSession(hash: StaffAuth.hash(old))
            }
            var response = Response.redirect(to: signedIn.enrolOnly ? Site.secondFactor.path : Site.inbox.path, type: .normal)
            response.setCookie(
                Cookie(
                    name: StaffAuth.cookieName, value: signedIn.token, maxAge: Int(StaffAuth.absoluteLimit), path: "/",
                    secure: secureCookies, httpOnly: true, sameSite: .lax))
            return response
        } catch let error as AppError
            where [AppError.loginFailed.code, AppError.tooManyAttempts.code, AppError.secondFactorRequired.code].contains(error.code)
        {
            let message = views.catalogue.text("http_" + error.code, context.language)
            var response = page(username: username, message: message, context: context, status: error.status)
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.cookies[StaffAuth.cookieName]?.value {
            try await auth.signOut(token: token, account: context.staff, ip: context.ip)
        }
        var response = Response.redirect(to: Site.signIn.path, type: .normal)
        response.setCookie(
            Cookie(name: StaffAuth.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    private func page(username: String, message: String?, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        var context = context
        context.staff = nil
        return views.page(
            "login", title: views.catalogue.text("login_title", context.language),
            body: LoginPage(username: username, message: message), context: context, status: status)
    }
}

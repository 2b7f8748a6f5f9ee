import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/thong-bao/huy/{token}`: a staff member stops their notification mail from the mail itself.
/// The GET shows what the button will do and changes nothing (mail scanners open links); the
/// POST — the button, or a mail client's one-click (RFC 8058) — turns the e-mail channel off.
struct UnsubscribeController {
    let store: Store
    let views: Views
    let link: UnsubscribeLink
    let environment: AppEnvironment

    struct UnsubscribePage {
        let name: String
        let action: String
        let done: Bool
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, token) = try await account(context)
        return page(staff, token: token, done: false, context: context)
    }

    @Sendable func unsubscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (staff, token) = try await account(context)
        if var preferences = try await store.notificationPreferences(staffID: staff.id), preferences.channels.contains(.email) {
            preferences.channels.remove(.email)
            try await store.setNotificationPreferences(staffID: staff.id, preferences)
            try await store.log(
                SecurityLogEntry(
                    at: environment.now(), action: "notificationsUnsubscribed", staffID: staff.id, username: staff.username, ip: context.ip,
                    detail: "email"))
        }
        return page(staff, token: token, done: true, context: context)
    }

    /// The account the link is for; 404 for a link not made by this server, or a closed account.
    private func account(_ context: AppRequestContext) async throws -> (StaffAccount, String) {
        guard let token = context.parameters.get("token"), let id = link.staffID(from: token), let staff = try await store.staff(id: id),
            staff.active
        else { throw AppError.notFound }
        return (staff, token)
    }

    private func page(_ staff: StaffAccount, token: String, done: Bool, context: AppRequestContext) -> Response {
        var response = views.page(
            "notification-unsubscribe", title: views.catalogue.text("unsubscribe_title", context.language),
            body: UnsubscribePage(name: staff.displayName, action: Site.unsubscribe(.value(token)).path, done: done), context: context)
        response.headers[.cacheControl] = "private, no-store"
        return response
    }
}

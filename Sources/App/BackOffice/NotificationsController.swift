import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// The back office's notification pages (issue 14 §5): each account's preferences
/// (`/can-bo/thong-bao`), and for admins the notifications that failed or are unconfirmed, with
/// a button to send one again (`/can-bo/quan-tri/thong-bao`).
struct NotificationsController {
    let store: Store
    let views: Views
    let environment: AppEnvironment

    struct PreferencesPage {
        let email: String
        let phone: String
        let byEmail: Bool
        let bySMS: Bool
        let digest: Bool
        let vi: Bool
        let en: Bool
        let saved: Bool
        let emailError: String?
        let phoneError: String?
        let hasErrors: Bool
    }

    @Sendable func preferences(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let current =
            try await store.notificationPreferences(staffID: context.staff.id)
            ?? NotificationPreferences(email: "", phone: "", channels: [], digest: false, language: .vi)
        return page(current, context: context, saved: request.uri.queryParameters["da-luu"] != nil)
    }

    @Sendable func savePreferences(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = context.form
        let channels = Set((form?.fields["channel"] ?? []).compactMap(NotificationChannel.init(rawValue:)))
        let email = (form?["email"] ?? "").trimmingCharacters(in: .whitespaces)
        let phone = (form?["phone"] ?? "").trimmingCharacters(in: .whitespaces)
        let wanted = NotificationPreferences(
            email: email, phone: phone, channels: channels, digest: form?["digest"] == "1",
            language: Language(rawValue: form?["language"] ?? "") ?? .vi)
        var errors: [FieldError] = []
        if email.count > 254 || (!email.isEmpty && !PetitionDraft.isEmail(email)) { errors.append(FieldError("email", .invalidEmail)) }
        if channels.contains(.email), email.isEmpty { errors.append(FieldError("email", .required)) }
        if phone.count > 30 || (!phone.isEmpty && !PetitionDraft.isPhone(phone)) { errors.append(FieldError("phone", .invalidPhone)) }
        if channels.contains(.sms), phone.isEmpty { errors.append(FieldError("phone", .required)) }
        guard errors.isEmpty else { return page(wanted, context: context, errors: errors, status: .unprocessableContent) }
        try await store.setNotificationPreferences(
            staffID: context.staff.id,
            NotificationPreferences(
                email: email, phone: phone.isEmpty ? "" : PetitionDraft.canonicalPhone(phone), channels: channels, digest: wanted.digest,
                language: wanted.language))
        return .redirect(to: Site.notificationPreferences.path + "?da-luu=1", type: .normal)
    }

    private func page(
        _ preferences: NotificationPreferences, context: StaffRequestContext, saved: Bool = false, errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let message = { (field: String) in
            errors.first { $0.field == field }.map { views.catalogue.message(for: $0, context.language) }
        }
        let model = PreferencesPage(
            email: preferences.email, phone: preferences.phone, byEmail: preferences.channels.contains(.email),
            bySMS: preferences.channels.contains(.sms), digest: preferences.digest, vi: preferences.language == .vi,
            en: preferences.language == .en, saved: saved, emailError: message("email"), phoneError: message("phone"),
            hasErrors: !errors.isEmpty)
        return views.page(
            "notification-preferences", title: views.catalogue.text("preferences_title", context.language), body: model,
            context: context, status: status)
    }

    // Admins

    struct FailuresPage {
        let rows: [NotificationRow]
        let empty: Bool
        let counts: [Count]
        let message: String?
    }

    struct Count {
        let state: String
        let count: Int
    }

    @Sendable func failures(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let language = context.language
        let message: String? =
            switch request.uri.queryParameters["ket-qua"] {
            case "gui-lai": views.catalogue.text("notifications_retried", language)
            case "khong": views.catalogue.text("notifications_not_retried", language)
            default: nil
            }
        let counts = try await store.notificationCounts()
        let rows = try await store.notificationsNeedingAttention().map {
            NotificationRow($0, catalogue: views.catalogue, language: language)
        }
        let model = FailuresPage(
            rows: rows, empty: rows.isEmpty,
            counts: NotificationState.allCases.compactMap { state in
                counts[state].map { Count(state: views.catalogue.text("notification_state_" + state.rawValue, language), count: $0) }
            }, message: message)
        return views.page(
            "admin-notifications", title: views.catalogue.text("notifications_admin_title", language), body: model, context: context)
    }

    @Sendable func retry(_ request: Request, context: AdminRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        let done = try await store.retryNotification(id, now: environment.now())
        if done {
            try await store.log(
                SecurityLogEntry(
                    at: environment.now(), action: "notificationRetried", staffID: context.staff.id, username: context.staff.username,
                    ip: context.ip, detail: "notification \(id)"))
        }
        return .redirect(to: Site.notifications.path + "?ket-qua=" + (done ? "gui-lai" : "khong"), type: .normal)
    }
}

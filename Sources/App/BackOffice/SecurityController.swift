import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo/bao-mat`: the signed-in account's second factor. Enrolment shows a new secret (as a
/// QR code to scan, a key to type into an authenticator app, and the `otpauth://` link) and
/// asks for one code to confirm it; then the ten recovery codes are shown, once. A session made
/// by a password alone for an account that must enrol opens this page and nothing else, and ends
/// at enrolment: the next sign-in takes the code.
struct SecurityController {
    let store: Store
    let views: Views
    let environment: AppEnvironment

    struct Page {
        let enabled: Bool
        let unusedRecoveryCodes: Int
        let key: String?
        let authenticatorURL: String?
        /// The same address as a QR code (SVG made here from shapes only).
        let qrCode: String?
        let error: String?
        let recoveryCodes: [String]
        let hasRecoveryCodes: Bool
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        return try await page(staff, context: context)
    }

    @Sendable func confirm(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let now = environment.now()
        guard let factor = try await store.secondFactor(staffID: staff.id), !factor.enabled else {
            return try await page(staff, context: context)
        }
        guard let step = SecondFactor.step(of: context.form?["code"] ?? "", secret: factor.secret, now: now) else {
            return try await page(
                staff, context: context, error: views.catalogue.text("security_code_wrong", context.language), status: .unprocessableContent
            )
        }
        let codes = SecondFactor.newRecoveryCodes()
        try await store.confirmEnrolment(staffID: staff.id, step: step, recoveryHashes: codes.map(SecondFactor.recoveryHash), at: now)
        try await store.log(
            SecurityLogEntry(at: now, action: "secondFactorEnrolled", staffID: staff.id, username: staff.username, ip: context.ip))
        var response = try await page(staff, context: context, recoveryCodes: codes)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func page(
        _ staff: StaffAccount, context: StaffRequestContext, error: String? = nil, recoveryCodes: [String] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var factor = try await store.secondFactor(staffID: staff.id)
        if factor == nil {
            try await store.beginEnrolment(staffID: staff.id, secret: SecondFactor.newSecret())
            factor = try await store.secondFactor(staffID: staff.id)
        }
        let enabled = factor?.enabled ?? false
        let secret = enabled ? nil : factor?.secret
        let model = Page(
            enabled: enabled, unusedRecoveryCodes: enabled ? try await store.unusedRecoveryCodes(staffID: staff.id) : 0,
            key: secret.map(SecondFactor.displayKey),
            authenticatorURL: secret.map { SecondFactor.authenticatorURL(secret: $0, username: staff.username) },
            qrCode: secret.flatMap { QRCode(SecondFactor.authenticatorURL(secret: $0, username: staff.username)) }
                .map { $0.svg(label: views.catalogue.text("security_qr_label", context.language)) },
            error: error, recoveryCodes: recoveryCodes, hasRecoveryCodes: !recoveryCodes.isEmpty)
        var response = views.page(
            "security", title: views.catalogue.text("security_title", context.language), body: model, context: context, status: status)
        // The page may carry the secret or the recovery codes.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

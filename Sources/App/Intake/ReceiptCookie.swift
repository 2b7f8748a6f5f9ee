import Crypto
import Foundation
import Hummingbird
import LangNgheCore

/// Post-redirect-get for the submission form: the post answers with a redirect to the receipt
/// page, and the receipt (code, access key, time) travels in a short-lived cookie sealed with
/// AES-GCM under a key derived from the server's secret. Reloading the receipt shows it again
/// instead of filing the petition twice; the access key is never in an address or a log.
struct ReceiptCookie: Sendable {
    static let name = "receipt"
    /// Long enough to print or copy the key; short enough not to linger on a shared computer.
    static let lifetime = 1800
    let key: SymmetricKey
    let secure: Bool
    let now: @Sendable () -> Date

    init(secret: String, secure: Bool, now: @escaping @Sendable () -> Date) {
        key = Sealing.key("receipt", secret)
        self.secure = secure
        self.now = now
    }

    /// A redirect to the receipt page carrying `receipt`.
    func redirect(_ receipt: IntakeService.Receipt) throws -> Response {
        let plain = [receipt.trackingCode.description, receipt.accessKey, Timestamp.string(receipt.receivedAt)].joined(separator: "\n")
        var response = Response.redirect(to: Site.receipt.path, type: .normal)
        response.setCookie(
            Cookie(
                name: Self.name, value: try Sealing.seal(plain, with: key), maxAge: Self.lifetime, path: Site.receipt.path, secure: secure,
                httpOnly: true, sameSite: .strict))
        return response
    }

    /// The receipt in the request's cookie, or nil when it is missing, expired or not ours.
    func open(_ request: Request) -> IntakeService.Receipt? {
        guard let value = request.cookies[Self.name]?.value, value.utf8.count <= 512, let plain = Sealing.open(value, with: key) else {
            return nil
        }
        let parts = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let code = TrackingCode(parts[0]), let at = Timestamp.date(parts[2]) else { return nil }
        // The cookie's own expiry is the browser's word; the sealed time is ours.
        let age = now().timeIntervalSince(at)
        guard age >= -60, age <= Double(Self.lifetime) else { return nil }
        return IntakeService.Receipt(trackingCode: code, accessKey: parts[1], receivedAt: at)
    }
}

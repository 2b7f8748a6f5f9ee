import Crypto
import Foundation

/// Cross-site request forgery protection by signed double submit: the browser holds a random
/// token in an HttpOnly cookie; each form carries the token's HMAC under the server's secret.
/// Another site can make the browser send the cookie but cannot read it to compute the HMAC.
struct CSRF: Sendable {
    static let cookieName = "csrf"
    static let fieldName = "_csrf"
    let key: SymmetricKey

    init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(("csrf:" + secret).utf8)))
    }

    static func newCookieValue() -> String {
        RandomToken.make(bytes: 32)
    }

    /// The value forms carry for this cookie.
    func formToken(forCookie cookie: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(cookie.utf8), using: key)
        return Data(mac).base64URLEncoded
    }

    func isValid(formToken given: String?, cookie: String?) -> Bool {
        guard let given, let cookie, !cookie.isEmpty else { return false }
        return ConstantTime.equal(formToken(forCookie: cookie), given)
    }
}

enum ConstantTime {
    /// Compares every byte whatever the first difference, so that timing reveals nothing.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// Random values for tokens and keys, from the system's cryptographic generator.
enum RandomToken {
    static func make(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64URLEncoded
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension Data {
    /// The reverse of `base64URLEncoded`.
    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}

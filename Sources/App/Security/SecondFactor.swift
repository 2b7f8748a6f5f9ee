import Crypto
import Foundation
import HummingbirdOTP
import LangNgheCore
import LangNgheStorage

/// The second factor of staff sign-in: a time-based one-time code (TOTP, RFC 6238: six digits,
/// a new one every 30 seconds, from any authenticator app), or one of ten recovery codes.
enum SecondFactor {
    /// Roles that must have one (when the settings require it): those who approve, route and
    /// administer.
    static let requiredRoles: Set<StaffRole> = [.leader, .coordinator, .admin]
    static let timeStep: Int64 = 30
    static let recoveryCodeCount = 10
    /// Letters and digits an authenticator reads without doubt (RFC 4648 base32).
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// A new shared secret: 32 base32 characters (the app is given their bytes, base32-encoded).
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The `otpauth://` address an authenticator app opens (or reads from a QR code).
    static func authenticatorURL(secret: String, username: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "LangNghe:" + username, issuer: "LangNghe")
    }

    /// The secret as the app's "enter a key" screen wants it: base32, in groups of four.
    static func displayKey(secret: String) -> String {
        let url = authenticatorURL(secret: secret, username: "x")
        let key = url.split(separator: "secret=").last.map { String($0.prefix { $0 != "&" }) } ?? ""
        return stride(from: 0, to: key.count, by: 4).map { i in
            String(key.dropFirst(i).prefix(4))
        }.joined(separator: " ")
    }

    /// The time step of `code` if it is right now, or one step before or after (clocks drift).
    static func step(of code: String, secret: String, now: Date) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let current = Int64(now.timeIntervalSince1970) / timeStep
        let totp = TOTP(secret: secret)
        for step in [current, current - 1, current + 1]
        where totp.compute(date: Date(timeIntervalSince1970: TimeInterval(step * timeStep))) == value {
            return step
        }
        return nil
    }

    /// Ten recovery codes, `XXXXX-XXXXX`, shown once; only their hashes are kept.
    static func newRecoveryCodes() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<recoveryCodeCount).map { _ in
            let letters = String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            return String(letters.prefix(5)) + "-" + String(letters.suffix(5))
        }
    }

    static func recoveryHash(_ code: String) -> String {
        Hashing.sha256Hex("recovery:" + code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Whether `code` looks like a recovery code rather than six digits.
    static func isRecoveryCode(_ code: String) -> Bool {
        code.filter { $0.isLetter || $0.isNumber }.count == 10
    }
}

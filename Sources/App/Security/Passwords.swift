import HummingbirdBcrypt
import NIOPosix

/// Staff passwords: at least 12 characters, not a common one, hashed with bcrypt off the event
/// loop (a bcrypt hash takes a quarter of a second by design).
enum Passwords {
    static let minimumLength = 12
    static let cost: UInt8 = 12

    /// A few of the most used passwords of at least 12 characters; the workflow's account
    /// management extends the check.
    static let common: Set<String> = [
        "123456789012", "password1234", "qwertyuiop12", "1234567890ab", "matkhau12345", "matkhau123456",
        "administrator", "admin1234567", "iloveyou1234", "123456789abc", "passwordpassword", "abc123456789",
    ]

    static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if common.contains(password.lowercased()) { return "is too common" }
        return nil
    }

    static func usernameProblem(_ username: String) -> String? {
        let allowed = username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        if username.count < 3 || username.count > 64 || !allowed {
            return "3–64 characters: letters, digits, '.', '_' or '-'"
        }
        return nil
    }

    static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// On the calling thread: only for the one-off dummy hash.
    static func hashNow(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

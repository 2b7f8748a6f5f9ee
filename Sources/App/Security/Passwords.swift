import HummingbirdBcrypt
import NIOPosix

/// Staff passwords: at least 12 characters, not a common one, hashed with bcrypt off the event
/// loop (a bcrypt hash takes a quarter of a second by design).
enum Passwords {
    static let minimumLength = 12
    static let cost: UInt8 = 12

    /// Widely used passwords of 12 characters or more (international and Vietnamese), and the
    /// demo password: compared in lowercase.
    static let common: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "000000000000", "111111111111", "123123123123",
        "123456789abc", "abc123456789", "abcd12345678", "abcdefghijkl", "aaaaaaaaaaaa", "1234567890ab",
        "qwertyuiop12", "qwertyuiopas", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qazwsxedcrfv",
        "zxcvbnm12345", "asdfghjkl123", "password1234", "password123456", "passwordpassword", "p@ssw0rd1234",
        "administrator", "admin1234567", "admin123456789", "iloveyou1234", "welcome12345", "letmein12345",
        "changeme1234", "trustno1trustno1", "football1234", "matkhau12345", "matkhau123456", "anhyeuem1234",
        "emyeuanh1234", "vietnam12345", "vietnam123456", "hanoi1234567", "saigon123456", "langnghe2026",
        "langnghe12345", "vpcp12345678", "chinhphu1234", "langnghe-demo-2026",
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

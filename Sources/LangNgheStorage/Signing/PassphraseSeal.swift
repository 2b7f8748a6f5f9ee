import Crypto
import CryptoExtras
import Foundation

/// The root CA's private key at rest: AES-256-GCM under a key stretched from the CA passphrase
/// (`LANGNGHE_CA_PASSPHRASE`) with PBKDF2-HMAC-SHA256. The salt and the number of rounds travel
/// with the sealed bytes (`pbkdf2-sha256$ROUNDS$SALT$BOX`), so the rounds can rise later and old
/// keys still open. The passphrase itself is never stored or logged.
public struct CAPassphrase: Sendable {
    let text: String
    /// PBKDF2 rounds for a key sealed now: OWASP's 600,000 in production; tests use fewer.
    let rounds: Int

    public init(_ text: String, rounds: Int = 600_000) {
        self.text = text
        self.rounds = rounds
    }

    /// Outside production, when none is given: fine for a laptop, refused in production.
    public static let developmentText = "langnghe-development-ca-passphrase"

    func seal(_ secret: Data) throws -> String {
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let key = try derive(salt: salt, rounds: rounds)
        guard let box = try AES.GCM.seal(secret, using: key).combined else { throw SigningError.sealing }
        return ["pbkdf2-sha256", String(rounds), salt.base64EncodedString(), box.base64EncodedString()].joined(separator: "$")
    }

    func open(_ sealed: String) throws -> Data {
        let parts = sealed.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds > 0,
            let salt = Data(base64Encoded: parts[2]), let combined = Data(base64Encoded: parts[3])
        else { throw SigningError.sealing }
        guard let box = try? AES.GCM.SealedBox(combined: combined),
            let secret = try? AES.GCM.open(box, using: derive(salt: salt, rounds: rounds))
        else { throw SigningError.wrongPassphrase }
        return secret
    }

    private func derive(salt: Data, rounds: Int) throws -> SymmetricKey {
        try KDF.Insecure.PBKDF2.deriveKey(
            from: Data(text.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
    }
}

public enum SigningError: Error, Equatable, CustomStringConvertible {
    case sealing
    /// The CA passphrase does not open the root's key.
    case wrongPassphrase
    /// The agency has no usable certificate and none can be issued (an imported one was revoked).
    case noCertificate(String)
    /// A PEM chain or key that an admin cannot import, and why.
    case invalidImport(ImportProblem)

    public enum ImportProblem: String, Sendable, Equatable {
        case notPEM, badKey, keyMismatch, leafIsCA, expired, noRoot, alreadyImported
    }

    public var description: String {
        switch self {
        case .sealing: "khóa bí mật của CA không đọc được"
        case .wrongPassphrase: "LANGNGHE_CA_PASSPHRASE không mở được khóa của CA gốc"
        case .noCertificate(let agency): "cơ quan \(agency) chưa có chứng thư ký số dùng được"
        case .invalidImport(let problem): "chứng thư không nhập được: \(problem.rawValue)"
        }
    }
}

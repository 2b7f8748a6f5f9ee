import Crypto
import Foundation
import LangNgheStorage

/// The link in a staff mail's `List-Unsubscribe` header: the account's id with an HMAC of it
/// under a key derived from the server's secret. A mail client's one-click POST (RFC 8058)
/// carries no cookie and no CSRF token, so the link itself must prove which account it is for;
/// nobody can make one for another account without the secret.
struct UnsubscribeLink: Sendable {
    private let key: SymmetricKey

    init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(("langnghe-unsubscribe:" + secret).utf8)))
    }

    func token(staffID: Int64) -> String {
        "\(staffID)-" + Self.hex(HMAC<SHA256>.authenticationCode(for: Data("unsubscribe:\(staffID)".utf8), using: key))
    }

    /// The account a token is for, or nil for anything not made by `token` with this secret.
    func staffID(from token: String) -> Int64? {
        let parts = token.split(separator: "-", maxSplits: 1)
        guard token.count <= 100, parts.count == 2, let id = Int64(parts[0]), id > 0,
            let mac = Self.bytes(hex: String(parts[1])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data("unsubscribe:\(id)".utf8), using: key)
        else { return nil }
        return id
    }

    private static func hex(_ mac: some Sequence<UInt8>) -> String { Array(mac).hex }

    private static func bytes(hex: String) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

import Crypto
import Foundation
import LangNgheStorage

/// SHA-256 in lowercase hex: what the database keeps of access keys, session ids, tokens and
/// API keys (long and random, so a fast hash is enough), and how attachments are cited.
enum Hashing {
    static func sha256Hex(_ bytes: some DataProtocol) -> String {
        Array(SHA256.hash(data: bytes)).hex
    }

    static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }
}

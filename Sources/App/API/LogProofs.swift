import Foundation
import LangNgheCore
import LangNgheStorage

/// The proofs `/api/v1/log/proof/…` gives and `langnghe audit check-proof` checks offline, as
/// JSON with hashes in hex: an event is in a tree of `size` leaves (inclusion), and a tree of
/// `from` leaves is a prefix of one of `to` leaves (consistency).
struct InclusionProof: Codable, Sendable {
    var event: String
    var index: Int
    var size: Int
    var leafHash: String
    var auditPath: [String]
    var rootHash: String

    func verify() -> Bool {
        guard let leaf = Hex.bytes(leafHash), let root = Hex.bytes(rootHash) else { return false }
        let path = auditPath.compactMap(Hex.bytes)
        return path.count == auditPath.count
            && MerkleTree.verifyInclusion(leaf: leaf, index: index, size: size, proof: path, root: root)
    }
}

struct ConsistencyProof: Codable, Sendable {
    var from: Int
    var to: Int
    var fromRootHash: String
    var toRootHash: String
    var proof: [String]

    func verify() -> Bool {
        guard let old = Hex.bytes(fromRootHash), let new = Hex.bytes(toRootHash) else { return false }
        let path = proof.compactMap(Hex.bytes)
        return path.count == proof.count
            && MerkleTree.verifyConsistency(oldSize: from, newSize: to, proof: path, oldRoot: old, newRoot: new)
    }
}

enum Hex {
    /// 32 bytes from 64 hexadecimal digits; nil for anything else.
    static func bytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

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
        guard let leaf = MerkleTree.hash(hex: leafHash), let root = MerkleTree.hash(hex: rootHash) else { return false }
        let path = auditPath.compactMap { MerkleTree.hash(hex: $0) }
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
        guard let old = MerkleTree.hash(hex: fromRootHash), let new = MerkleTree.hash(hex: toRootHash) else { return false }
        let path = proof.compactMap { MerkleTree.hash(hex: $0) }
        return path.count == proof.count
            && MerkleTree.verifyConsistency(oldSize: from, newSize: to, proof: path, oldRoot: old, newRoot: new)
    }
}

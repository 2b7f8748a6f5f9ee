import Foundation
import LangNgheStorage
import Testing

/// Issue 11 §4: the log's hashing is RFC 6962's, so any Certificate Transparency tool can check
/// our proofs, and our checker accepts exactly the proofs of the tree and nothing else.
@Suite struct MerkleTreeTests {
    /// The test vectors of RFC 6962's reference implementation (certificate-transparency's
    /// merkle_tree tests): the root over the first 1…8 of these leaves.
    static let leaves: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43], Array(0x50...0x57), Array(0x60...0x6f),
    ]
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static func hex(_ hash: [UInt8]) -> String { hash.map { String(format: "%02x", $0) }.joined() }

    /// The stored hashes' hexadecimal, written by table, is the formatted one for every byte.
    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        let all = (0...255).map(UInt8.init)
        #expect(all.hex == Self.hex(all))
        #expect([UInt8]().hex == "")
        #expect([0x00, 0x0F, 0xA0, 0xFF].hex == "000fa0ff")
    }

    @Test func rootsMatchTheReferenceVectors() {
        let hashes = Self.leaves.map(MerkleTree.leafHash)
        #expect(Self.hex(MerkleTree.root([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var frontier = MerkleFrontier()
        for size in 1...8 {
            #expect(Self.hex(MerkleTree.root(hashes[..<size])) == Self.roots[size - 1], "size \(size)")
            frontier.append(leaf: hashes[size - 1])
            #expect(Self.hex(frontier.root) == Self.roots[size - 1], "frontier at size \(size)")
        }
    }

    /// Every inclusion and consistency proof of trees up to 40 leaves verifies, and the same
    /// proof fails for another leaf, another index or another root. (A size alone is not
    /// checked by a path: a signed tree head binds the size to its root.)
    @Test func everyProofVerifiesAndNoWrongOneDoes() {
        let hashes = (0..<40).map { MerkleTree.leafHash(Array("sự kiện \($0)".utf8)) }
        var frontier = MerkleFrontier()
        for size in 1...hashes.count {
            frontier.append(leaf: hashes[size - 1])
            let tree = hashes[..<size]
            let root = MerkleTree.root(tree)
            #expect(frontier.root == root)
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(index: index, leaves: tree)
                #expect(MerkleTree.verifyInclusion(leaf: hashes[index], index: index, size: size, proof: proof, root: root))
                let other = hashes[(index + 1) % hashes.count]
                #expect(!MerkleTree.verifyInclusion(leaf: other, index: index, size: size, proof: proof, root: root))
                if size > 1 {
                    #expect(
                        !MerkleTree.verifyInclusion(leaf: hashes[index], index: (index + 1) % size, size: size, proof: proof, root: root))
                }
            }
            for old in 1...size {
                let proof = MerkleTree.consistencyProof(from: old, leaves: tree)
                let oldRoot = MerkleTree.root(hashes[..<old])
                #expect(MerkleTree.verifyConsistency(oldSize: old, newSize: size, proof: proof, oldRoot: oldRoot, newRoot: root))
                if old < size {
                    // A log that rewrote its past: the old root is not the one the proof leads to.
                    let forged = MerkleTree.root(([hashes[1]] + hashes[1..<old])[...])
                    #expect(!MerkleTree.verifyConsistency(oldSize: old, newSize: size, proof: proof, oldRoot: forged, newRoot: root))
                    let otherNew = MerkleTree.root(([hashes[0]] + tree)[...])
                    #expect(!MerkleTree.verifyConsistency(oldSize: old, newSize: size, proof: proof, oldRoot: oldRoot, newRoot: otherNew))
                }
            }
        }
    }
}

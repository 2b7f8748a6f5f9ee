import Crypto

/// The Merkle tree of RFC 6962 §2.1 (Certificate Transparency; RFC 9162 §2.1), over SHA-256:
/// the event log's leaves are hashed as `SHA-256(0x00 ‖ bytes)`, inner nodes as
/// `SHA-256(0x01 ‖ left ‖ right)`, and a tree of n leaves splits at the largest power of two
/// below n. Anyone holding a signed tree head can check, with these functions alone, that an
/// event is in the log (inclusion) and that a later log extends an earlier one (consistency).
public enum MerkleTree {
    public typealias Hash = [UInt8]

    public static func leafHash(_ bytes: some Sequence<UInt8>) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(bytes))
        return Array(hasher.finalize())
    }

    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The root of the tree over these leaf hashes; the empty tree's is SHA-256 of nothing.
    public static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        switch leaves.count {
        case 0: return Array(SHA256.hash(data: [UInt8]()))
        case 1: return leaves[leaves.startIndex]
        default:
            let middle = leaves.startIndex + split(leaves.count)
            return nodeHash(root(leaves[..<middle]), root(leaves[middle...]))
        }
    }

    /// The audit path of leaf `index` (RFC 6962 §2.1.1), nearest sibling first.
    public static func inclusionProof(index: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        precondition(leaves.indices.contains(leaves.startIndex + index))
        return inclusionRanges(index: index, size: leaves.count).map {
            root(leaves[leaves.startIndex + $0.lowerBound..<leaves.startIndex + $0.upperBound])
        }
    }

    /// The proof that the first `size` leaves are a prefix of all of them (RFC 6962 §2.1.2).
    public static func consistencyProof(from size: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        precondition(size >= 0 && size <= leaves.count)
        return consistencyRanges(from: size, to: leaves.count).map {
            root(leaves[leaves.startIndex + $0.lowerBound..<leaves.startIndex + $0.upperBound])
        }
    }

    /// The ranges of leaves whose roots are leaf `index`'s audit path in the tree of `size`
    /// (RFC 6962 §2.1.1's PATH, by position): a proof is these roots, nearest sibling first.
    public static func inclusionRanges(index: Int, size: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        func path(_ m: Int, _ range: Range<Int>) {
            guard range.count > 1 else { return }
            let middle = range.lowerBound + split(range.count)
            if m < middle - range.lowerBound {
                path(m, range.lowerBound..<middle)
                ranges.append(middle..<range.upperBound)
            } else {
                path(m - (middle - range.lowerBound), middle..<range.upperBound)
                ranges.append(range.lowerBound..<middle)
            }
        }
        path(index, 0..<size)
        return ranges
    }

    /// The ranges whose roots prove the tree of `from` leaves a prefix of the tree of `to`
    /// (RFC 6962 §2.1.2's SUBPROOF, by position).
    public static func consistencyRanges(from m: Int, to n: Int) -> [Range<Int>] {
        guard m > 0, m < n else { return [] }
        var ranges: [Range<Int>] = []
        func subproof(_ m: Int, _ range: Range<Int>, complete: Bool) {
            if m == range.count {
                if !complete { ranges.append(range) }
                return
            }
            let k = split(range.count)
            let middle = range.lowerBound + k
            if m <= k {
                subproof(m, range.lowerBound..<middle, complete: complete)
                ranges.append(middle..<range.upperBound)
            } else {
                subproof(m - k, middle..<range.upperBound, complete: false)
                ranges.append(range.lowerBound..<middle)
            }
        }
        subproof(m, 0..<n, complete: true)
        return ranges
    }

    /// The root of the leaves in `range`, from the roots of the complete subtrees it splits into
    /// (RFC 6962 splits at powers of two, so each is aligned: level L, index i covers leaves
    /// i·2^L ..< (i+1)·2^L). The log keeps those, so a root costs O(log n) reads, not n.
    public static func root(of range: Range<Int>, subtree: (_ level: Int, _ index: Int) async throws -> Hash) async throws -> Hash {
        let count = range.count
        if count == 0 { return root([]) }
        if count & (count - 1) == 0, range.lowerBound % count == 0 {
            let level = count.trailingZeroBitCount
            return try await subtree(level, range.lowerBound >> level)
        }
        let middle = range.lowerBound + split(count)
        let left = try await root(of: range.lowerBound..<middle, subtree: subtree)
        return nodeHash(left, try await root(of: middle..<range.upperBound, subtree: subtree))
    }

    /// RFC 9162 §2.1.3.2: does `proof` take leaf `index` of a tree of `size` leaves to `root`?
    public static func verifyInclusion(leaf: Hash, index: Int, size: Int, proof: [Hash], root: Hash) -> Bool {
        guard index >= 0, index < size else { return false }
        var (fn, sn, hash) = (index, size - 1, leaf)
        for sibling in proof {
            guard sn > 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = nodeHash(sibling, hash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = nodeHash(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }

    /// RFC 9162 §2.1.4.2: is the tree of `newSize` leaves with `newRoot` an extension of the one
    /// of `oldSize` leaves with `oldRoot`?
    public static func verifyConsistency(oldSize: Int, newSize: Int, proof: [Hash], oldRoot: Hash, newRoot: Hash) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty }
        guard !proof.isEmpty else { return false }
        let path = oldSize & (oldSize - 1) == 0 ? [oldRoot] + proof : proof
        var (fn, sn) = (oldSize - 1, newSize - 1)
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var (oldHash, newHash) = (path[0], path[0])
        for hash in path.dropFirst() {
            guard sn > 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldHash = nodeHash(hash, oldHash)
                newHash = nodeHash(hash, newHash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newHash = nodeHash(newHash, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldHash == oldRoot && newHash == newRoot
    }

    /// A hash from its 64 hexadecimal digits (as `hex` shows it); nil for anything else.
    public static func hash(hex text: String) -> Hash? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        return try? stride(from: 0, to: 64, by: 2).map { i in
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { throw HexError() }
            return byte
        }
    }

    private struct HexError: Error {}

    /// The largest power of two below `count` (count > 1): where the tree splits.
    static func split(_ count: Int) -> Int {
        var k = 1
        while k << 1 < count { k <<= 1 }
        return k
    }
}

/// The right edge of the tree: the roots of its perfect subtrees, largest first. An append
/// updates it in O(log n) and the root follows from it alone, so appending an event never reads
/// the log back; it is what the log keeps between appends.
public struct MerkleFrontier: Sendable, Equatable {
    public private(set) var size: Int
    public private(set) var hashes: [MerkleTree.Hash]

    public init(size: Int = 0, hashes: [MerkleTree.Hash] = []) {
        self.size = size
        self.hashes = hashes
    }

    /// Adds a leaf; returns the complete subtrees it closes (level ≥ 1), for the log to keep.
    @discardableResult
    public mutating func append(leaf: MerkleTree.Hash) -> [MerkleNode] {
        var hash = leaf
        var carry = size
        var closed: [MerkleNode] = []
        while carry & 1 == 1 {
            hash = MerkleTree.nodeHash(hashes.removeLast(), hash)
            carry >>= 1
            let level = closed.count + 1
            closed.append(MerkleNode(level: level, index: size >> level, hash: hash))
        }
        hashes.append(hash)
        size += 1
        return closed
    }

    public var root: MerkleTree.Hash {
        guard var hash = hashes.last else { return MerkleTree.root([]) }
        for left in hashes.dropLast().reversed() { hash = MerkleTree.nodeHash(left, hash) }
        return hash
    }
}

/// The root of a complete subtree: level L, index i covers leaves i·2^L ..< (i+1)·2^L.
public struct MerkleNode: Sendable, Hashable {
    public let level: Int
    public let index: Int
    public let hash: MerkleTree.Hash
}

extension [UInt8] {
    /// Lower-case hexadecimal, as hashes are shown (`MerkleTree.hash(hex:)` reads it back).
    /// Written by table into one buffer: `String(format:)` a byte, then joined, was 4 % of a
    /// submission's CPU (an access key's hash, each event's) under load, profiled.
    public var hex: String {
        String(unsafeUninitializedCapacity: count * 2) { buffer in
            for (i, byte) in enumerated() {
                buffer[2 * i] = Self.hexDigits[Int(byte >> 4)]
                buffer[2 * i + 1] = Self.hexDigits[Int(byte & 0x0F)]
            }
            return count * 2
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The words of a petition as the assistant counts them: each folded syllable and each pair of
/// neighbouring syllables ("giay chung nhan" gives giay, chung, nhan, giay·chung, chung·nhan),
/// as 48-bit hashes (the low 16 bits of a 64-bit word are left free for a label: `NaiveBayes`).
///
/// Hashes, not strings, because training reads hundreds of thousands of petitions and a model
/// made of hashes holds no word a person wrote: a name that slipped into a petition cannot be
/// read back out of the trained model or the similarity index.
public struct TermBag: Sendable, Hashable {
    /// How often each term (syllable or pair) occurs: what the routing model counts.
    public private(set) var counts: [UInt64: Int] = [:]
    /// How often each syllable occurs: what two petitions are compared on. Pairs are left out
    /// there: a reworded petition keeps its syllables far more than their order (on the labelled
    /// pairs, F1 0.94 with syllables alone against 0.92 with their pairs).
    public private(set) var syllableCounts: [UInt64: Int] = [:]
    /// The distinct syllables: the shingles that MinHash samples.
    public var syllables: Dictionary<UInt64, Int>.Keys { syllableCounts.keys }

    /// `folded`: text already folded by `VietnameseText.folded` (the stored `search_text`).
    public init(folded: String) {
        var previous: UInt64?
        for syllable in folded.utf8.split(separator: 0x20) {
            let term = Self.hash(syllable)
            counts[term, default: 0] += 1
            syllableCounts[term, default: 0] += 1
            if let previous { counts[Self.pair(previous, term), default: 0] += 1 }
            previous = term
        }
    }

    /// Folds raw text first.
    public init(text: String) { self.init(folded: VietnameseText.folded(text)) }

    public var isEmpty: Bool { counts.isEmpty }

    /// FNV-1a: stable across runs and machines (Swift's `Hasher` is seeded per process), so the
    /// hashes written to the database mean the same thing tomorrow.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return mix(hash) >> 16
    }

    /// The term of two neighbouring syllables (order matters: "nha o" is not "o nha").
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 { mix((first &* 31 &+ second) ^ 0x9E37_79B9_7F4A_7C15) >> 16 }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

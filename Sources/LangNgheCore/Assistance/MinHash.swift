/// A MinHash signature of a petition's syllables and its locality-sensitive bands.
///
/// Two texts whose syllable sets overlap by Jaccard similarity J agree on each of the
/// signature's values with probability J; a band is `rows` values together, so two texts share
/// at least one of `bands` bands with probability 1 − (1 − J^rows)^bands. On the labelled pairs
/// (docs/assistance.md) a reworded petition shares a median J = 0.37 of its syllables with the
/// first, J = 0.28 at the tenth percentile: with 25 bands of 2 they meet with probability 97 %
/// and 86 %; petitions that share only the common words (J = 0.12) 30 % of the time. Those are
/// candidates for the exact comparison (`TermWeights.cosine`), found through an index of band
/// keys instead of reading every petition. Three rows per band would have missed 38 % of the
/// reworded duplicates.
public struct MinHash: Sendable, Hashable {
    public static let bands = 25
    public static let rows = 2

    /// The smallest hash of the syllables under each of the `bands × rows` hash functions.
    public let values: [UInt64]

    public init(_ terms: TermBag) {
        var values = [UInt64](repeating: .max, count: Self.bands * Self.rows)
        for term in terms.syllables {
            for i in values.indices {
                let h = TermBag.mix(term ^ Self.seeds[i])
                if h < values[i] { values[i] = h }
            }
        }
        self.values = values
    }

    /// The band keys, as the database stores them (a signed 64-bit integer each). The band's
    /// number is part of the key, so that the same values in two bands do not meet. An empty
    /// text has no bands: it is similar to nothing.
    public var bandKeys: [Int64] {
        guard values.first != .max else { return [] }
        return (0..<Self.bands).map { band in
            var key = TermBag.mix(UInt64(band) &+ 1)
            for row in 0..<Self.rows { key = TermBag.mix(key ^ values[band * Self.rows + row]) }
            return Int64(bitPattern: key)
        }
    }

    /// The share of values the two signatures agree on: an estimate of the syllables' Jaccard.
    public func jaccard(_ other: MinHash) -> Double {
        zip(values, other.values).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) } / Double(values.count)
    }

    /// One seed per hash function, fixed: the index written yesterday must match today's.
    private static let seeds: [UInt64] = (0..<(bands * rows)).map { TermBag.mix(0x5EED_0000 &+ UInt64($0)) }
}

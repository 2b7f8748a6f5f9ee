import Foundation

/// Vietnamese text as the system stores and searches it (DOMAIN.md §7).
public enum VietnameseText {
    /// The stored form: Unicode NFC, so that "ế" typed as one or two code points is the same text.
    public static func normalized(_ text: String) -> String {
        isNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// A fast "already NFC" for the usual case: text made only of scalars below U+0300 (ASCII,
    /// Latin-1, Latin Extended-A and -B) and of Latin Extended Additional (U+1E00–U+1EFF, where
    /// precomposed Vietnamese lives) holds no combining mark and nothing that normalisation
    /// changes. Anything else goes through Foundation.
    static func isNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00..<0x1F00).contains($0.value) }
    }

    /// The search form: lowercase, đ → d (Unicode does not decompose đ), combining marks dropped,
    /// anything that is not a letter or a digit turned into one space.
    ///
    /// Done here in Swift, not in the database, so that SQLite and PostgreSQL index the same words.
    public static func folded(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let folded: Unicode.Scalar?
            switch scalar.value {
            case 0x41...0x5A: folded = Unicode.Scalar(scalar.value + 32)  // A–Z
            case 0x61...0x7A, 0x30...0x39: folded = scalar  // a–z, 0–9
            case 0..<0x80: folded = nil  // ASCII punctuation and space
            default:
                // Vietnamese letters come from the table; combining marks of decomposed text
                // vanish; the rest by their properties (looked up last: they are slower).
                if let latin = Self.latinTable[scalar.value] {
                    folded = latin
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    folded = Self.foldedScalar(scalar)
                }
            }
            guard let folded else {
                pendingSpace = true
                continue
            }
            if pendingSpace && !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(folded)
        }
        return String(result)
    }

    /// The folded form of one scalar beyond ASCII (nil for a separator). The Latin letters with
    /// diacritics, where Vietnamese lives, come from a table built once; other letters and digits
    /// are lowercased one by one.
    static func foldedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let latin = latinTable[scalar.value] { return latin }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        return properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// U+00C0–U+024F and U+1E00–U+1EFF, lowercased, decomposed and stripped of their marks,
    /// đ → d: "Ễ" → "e".
    private static let latinTable: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for value in Array(UInt32(0xC0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let base = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                .first { $0.properties.generalCategory != .nonspacingMark }
            guard let base else { continue }
            table[value] = base == "đ" ? "d" : base
        }
        return table
    }()

    /// The syllables of the folded text (Vietnamese words are syllables separated by spaces).
    public static func syllables(_ text: String) -> [Substring] {
        folded(text).split(separator: " ")
    }
}

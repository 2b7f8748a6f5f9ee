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
        // Written as UTF-8 bytes: folded text is mostly ASCII, and appending scalars to a
        // string view one by one was half the cost of indexing a document.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let folded: Unicode.Scalar?
            switch scalar.value {
            case 0x41...0x5A: folded = Unicode.Scalar(UInt8(scalar.value + 32))  // A–Z
            case 0x61...0x7A, 0x30...0x39: folded = scalar  // a–z, 0–9
            case 0..<0x80: folded = nil  // ASCII punctuation and space
            default:
                // Vietnamese letters come from the table; combining marks of decomposed text
                // vanish; the rest by their properties (looked up last: they are slower).
                if let latin = latin(scalar.value) {
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
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            if folded.isASCII {
                bytes.append(UInt8(folded.value))
            } else {
                bytes.append(contentsOf: String(folded).utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The folded form of one scalar beyond ASCII (nil for a separator). The Latin letters with
    /// diacritics, where Vietnamese lives, come from a table built once; other letters and digits
    /// are lowercased one by one.
    static func foldedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let latin = latin(scalar.value) { return latin }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        return properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// The table's entry for a scalar, if it has one.
    private static func latin(_ value: UInt32) -> Unicode.Scalar? {
        let entry: UInt32
        switch value {
        case 0xC0...0x24F: entry = latinTable[Int(value - 0xC0)]
        case 0x1E00...0x1EFF: entry = latinTable[Int(value - 0x1E00) + 0x190]
        default: return nil
        }
        return entry == 0 ? nil : Unicode.Scalar(entry)
    }

    /// U+00C0–U+024F, then U+1E00–U+1EFF, lowercased, decomposed and stripped of their marks,
    /// đ → d: "Ễ" → "e"; 0 where a scalar is not a letter. An array, not a dictionary: it is
    /// read for every letter of every text indexed.
    private static let latinTable: [UInt32] = {
        (Array(UInt32(0xC0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF)).map { value in
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return 0 }
            let base = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                .first { $0.properties.generalCategory != .nonspacingMark }
            guard let base else { return 0 }
            return base == "đ" ? UInt32(("d" as Unicode.Scalar).value) : base.value
        }
    }()

    /// The syllables of the folded text (Vietnamese words are syllables separated by spaces).
    public static func syllables(_ text: String) -> [Substring] {
        folded(text).split(separator: " ")
    }
}

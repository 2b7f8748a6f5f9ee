import Foundation

/// Vietnamese text as the system stores and searches it (DOMAIN.md §7).
public enum VietnameseText {
    /// The stored form: Unicode NFC, so that "ế" typed as one or two code points is the same text.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// The search form: lowercase, đ → d (Unicode does not decompose đ), combining marks dropped,
    /// anything that is not a letter or a digit turned into one space.
    ///
    /// Done here in Swift, not in the database, so that SQLite and PostgreSQL index the same words.
    public static func folded(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            let folded: Unicode.Scalar = (scalar == "đ") ? "d" : scalar
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(folded)
            } else {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// The syllables of the folded text (Vietnamese words are syllables separated by spaces).
    public static func syllables(_ text: String) -> [Substring] {
        folded(text).split(separator: " ")
    }
}

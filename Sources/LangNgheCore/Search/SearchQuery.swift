/// A search as typed: folded into syllables for matching, the pairs of adjacent syllables
/// (Vietnamese words are mostly two syllables), and the words as typed, accents kept, for the
/// exact-accent boost.
public struct SearchQuery: Sendable, Hashable {
    public let text: String
    /// The folded syllables, without repeats, at most 12 (a longer query is not more precise).
    public let terms: [String]
    /// Adjacent folded syllables as one token each (`SearchDocument.pair`), without repeats.
    public let pairs: [String]
    /// The words as typed, lowercase NFC, letters and digits only: "sổ đỏ".
    public let exactWords: [String]

    public init(_ text: String) {
        self.text = text
        let syllables = VietnameseText.syllables(text).prefix(12).map(String.init)
        var seen: Set<String> = []
        terms = syllables.filter { seen.insert($0).inserted }
        var seenPairs: Set<String> = []
        pairs = zip(syllables, syllables.dropFirst()).map(SearchDocument.pair).filter { seenPairs.insert($0).inserted }
        exactWords = Array(SearchDocument.words(text).prefix(12))
    }

    public var isEmpty: Bool { terms.isEmpty }
}

/// What the full-text index holds of a published answer: the folded title, the folded body
/// (content and answer), the pairs of adjacent syllables, and the words as written (lowercase,
/// accents kept). Built here, in Swift, so that both databases index the same tokens.
public struct SearchDocument: Sendable, Hashable {
    public let title: String
    public let body: String
    public let pairs: String
    public let exact: String

    public init(title: String, content: String, answer: String) {
        self.title = VietnameseText.folded(title)
        body = VietnameseText.folded(content + " " + answer)
        let syllables = (self.title + " " + body).split(separator: " ").map(String.init)
        pairs = zip(syllables, syllables.dropFirst()).map(Self.pair).joined(separator: " ")
        exact = Self.words(title + " " + content + " " + answer).joined(separator: " ")
    }

    /// Two syllables as one token, joined by a digit so that both databases' tokenisers keep it whole.
    public static func pair(_ a: String, _ b: String) -> String { a + "0" + b }

    /// Lowercase NFC words: runs of letters and digits (with the marks that follow them).
    /// Read scalar by scalar: splitting into characters took a third of building the document.
    public static func words(_ text: String) -> [String] {
        let scalars = VietnameseText.normalized(text).lowercased().unicodeScalars
        var words: [String] = []
        var start: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let inWord: Bool
            if scalar.isASCII {
                inWord =
                    (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
            } else {
                let properties = scalar.properties
                switch properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: inWord = true
                case .nonspacingMark, .spacingMark, .enclosingMark: inWord = start != nil
                default: inWord = properties.numericType != nil
                }
            }
            if inWord {
                if start == nil { start = index }
            } else if let first = start {
                words.append(String(Substring(scalars[first..<index])))
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let first = start { words.append(String(Substring(scalars[first..<index]))) }
        return words
    }
}

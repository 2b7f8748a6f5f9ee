/// A short extract of a text around the query's terms, as pieces that are highlighted or not.
/// Pages render each piece escaped and wrap the highlighted ones in `<mark>`: no HTML is built
/// from user text.
public struct Snippet: Sendable, Hashable {
    public struct Piece: Sendable, Hashable {
        public let text: String
        public let highlighted: Bool
    }

    public let pieces: [Piece]

    /// The window of `words` words holding the most query terms (the start of the text when none).
    public init(text: String, query: SearchQuery, words: Int = 30) {
        // Split by scalars, not characters, into slices of the text, and compared with the few
        // terms without hashing: a page of results takes twenty snippets of long texts.
        let scalars = text.unicodeScalars
        var tokens: [Substring] = []
        var wordStart: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if Self.isSpace(scalars[index]) {
                if let start = wordStart { tokens.append(Substring(scalars[start..<index])) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            scalars.formIndex(after: &index)
        }
        if let start = wordStart { tokens.append(Substring(scalars[start..<index])) }
        let terms = query.terms.map { Substring($0) }
        let matches = tokens.map { token in
            VietnameseText.syllables(String(token)).contains { syllable in terms.contains { $0 == syllable } }
        }
        var best = 0
        var bestCount = -1
        var window = 0
        for (index, matched) in matches.enumerated() {
            if matched { window += 1 }
            if index >= words, matches[index - words] { window -= 1 }
            if window > bestCount {
                bestCount = window
                best = max(0, index - words + 1)
            }
        }
        let end = min(tokens.count, best + words)
        var pieces: [Piece] = []
        if best > 0 { pieces.append(Piece(text: "… ", highlighted: false)) }
        for index in best..<end {
            let separator = index + 1 < end ? " " : ""
            if matches[index] {
                pieces.append(Piece(text: String(tokens[index]), highlighted: true))
                pieces.append(Piece(text: separator, highlighted: false))
            } else if let last = pieces.last, !last.highlighted {
                pieces[pieces.count - 1] = Piece(text: last.text + tokens[index] + separator, highlighted: false)
            } else {
                pieces.append(Piece(text: tokens[index] + separator, highlighted: false))
            }
        }
        if end < tokens.count { pieces.append(Piece(text: " …", highlighted: false)) }
        self.pieces = pieces.filter { !$0.text.isEmpty }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}

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
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let terms = Set(query.terms)
        let matches = tokens.map { token in VietnameseText.syllables(token).contains { terms.contains(String($0)) } }
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
                pieces.append(Piece(text: tokens[index], highlighted: true))
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
}

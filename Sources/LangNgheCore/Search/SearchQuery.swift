/// A search as typed: folded into syllables for matching, and kept as typed (lowercase NFC)
/// for the exact-accent boost.
public struct SearchQuery: Sendable, Hashable {
    public let text: String
    /// The folded syllables, without repeats, at most 12 (a longer query is not more precise).
    public let terms: [String]
    /// The query as typed, lowercase, for "the citizen typed the accents: prefer exact matches".
    public let exact: String

    public init(_ text: String) {
        self.text = text
        var seen: Set<String> = []
        terms = VietnameseText.syllables(text).map(String.init).filter { seen.insert($0).inserted }.prefix(12).map { $0 }
        exact = VietnameseText.normalized(text).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var isEmpty: Bool { terms.isEmpty }
}

import Foundation

/// The public identifier of a petition, `PAKN-2026-000123`: the year of receipt and a number
/// counted per year. It says nothing about the submitter.
public struct TrackingCode: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses a code typed by a person: case and surrounding spaces do not matter.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "PAKN",
            parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit), let year = Int(parts[1]),
            parts[2].count >= 6, parts[2].allSatisfy(\.isASCIIDigit), let number = Int(parts[2]), number > 0
        else { return nil }
        self.init(year: year, number: number)
    }

    public var description: String {
        let digits = String(number)
        return "PAKN-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (a: TrackingCode, b: TrackingCode) -> Bool {
        (a.year, a.number) < (b.year, b.number)
    }
}

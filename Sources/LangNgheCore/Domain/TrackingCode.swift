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
        // Codes read back from the database are already canonical: read them without Foundation
        // (trimming through NSString was a fifth of an inbox request's time, one call per event).
        if let code = Self.canonical(text) {
            self = code
            return
        }
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "PAKN",
            parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit), let year = Int(parts[1]),
            parts[2].count >= 6, parts[2].allSatisfy(\.isASCIIDigit), let number = Int(parts[2]), number > 0
        else { return nil }
        self.init(year: year, number: number)
    }

    /// `PAKN-YYYY-NNNNNN` exactly (six or more digits), or nil.
    private static func canonical(_ text: String) -> TrackingCode? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, bytes.starts(with: Array("PAKN-".utf8)), bytes[9] == UInt8(ascii: "-") else { return nil }
        func number(_ digits: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for byte in digits {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), value < Int.max / 100 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(bytes[5..<9]), let serial = number(bytes[10...]), serial > 0 else { return nil }
        return TrackingCode(year: year, number: serial)
    }

    public var description: String {
        let digits = String(number)
        return "PAKN-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (a: TrackingCode, b: TrackingCode) -> Bool {
        (a.year, a.number) < (b.year, b.number)
    }
}

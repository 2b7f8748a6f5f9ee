import LangNgheCore

/// Whole numbers as each language groups their digits: 42.000 in Vietnamese, 42,000 in English.
enum NumberText {
    /// A number with `digits` decimals: 76,6 in Vietnamese, 76.6 in English; whole part grouped.
    static func decimal(_ x: Double, digits: Int = 1, _ language: Language) -> String {
        let text = String(format: "%.\(digits)f", x)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Int(parts[0]) ?? 0
        var result = grouped(whole, language)
        if whole == 0, text.hasPrefix("-") { result = "-" + result }
        if parts.count == 2 { result += (language == .vi ? "," : ".") + parts[1] }
        return result
    }

    /// A share as a percentage with one decimal: 76,6 % / 76.6 %.
    static func percent(_ share: Double, _ language: Language) -> String {
        decimal(share * 100, language) + " %"
    }

    static func grouped(_ n: Int, _ language: Language) -> String {
        let separator: Character = language == .vi ? "." : ","
        var digits = String(n.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(separator, at: index)
        }
        return n < 0 ? "-" + digits : digits
    }
}

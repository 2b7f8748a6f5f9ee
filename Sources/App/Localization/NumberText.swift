import LangNgheCore

/// Whole numbers as each language groups their digits: 42.000 in Vietnamese, 42,000 in English.
enum NumberText {
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

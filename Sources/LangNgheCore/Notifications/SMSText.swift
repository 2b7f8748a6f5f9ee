import Foundation

/// Text for an SMS (issue 14 §3). A gateway that asks for GSM-7 gets Vietnamese without its
/// diacritics ("Kiến nghị" → "Kien nghi"), which fits 160 characters in one segment instead of
/// 70 in UCS-2; what GSM-7 cannot carry becomes "?".
public enum SMSText {
    /// Characters of the GSM 03.38 default alphabet (one septet each).
    static let basic = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    /// Characters of its extension table (an escape and a septet: two each).
    static let extended = Set("^{}\\[~]|€")

    /// `text` in the GSM-7 alphabet: every diacritic dropped (đ → d; "à" too, although GSM-7
    /// has it: half-marked Vietnamese reads worse than none), anything else outside it "?".
    public static func gsm7(_ text: String) -> String {
        var out = ""
        for character in text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D") {
            if character.isASCII || extended.contains(character) || (basic.contains(character) && !character.isLetter) {
                out.append(basic.contains(character) || extended.contains(character) ? character : "?")
                continue
            }
            let bare = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
            let stripped = String(String.UnicodeScalarView(bare))
            out += stripped.allSatisfy { basic.contains($0) } && !stripped.isEmpty ? stripped : "?"
        }
        return out
    }

    /// How many segments `text` takes: GSM-7 (160 in one, 153 a part when split) when every
    /// character is in its alphabet, UCS-2 (70, 67 a part) otherwise.
    public static func segments(_ text: String) -> Int {
        let isGSM = text.allSatisfy { basic.contains($0) || extended.contains($0) }
        let units = isGSM ? text.reduce(0) { $0 + (extended.contains($1) ? 2 : 1) } : text.utf16.count
        let (single, part) = isGSM ? (160, 153) : (70, 67)
        return units <= single ? 1 : (units + part - 1) / part
    }
}

import Foundation

/// Checks shared by every text input: trimmed, NFC, within length (in characters, in bytes and
/// in marks stacked on one letter), no control characters, and no bidirectional controls in
/// one-line text such as titles and names.
struct TextRules {
    /// Vietnamese stacks at most two marks on a letter (ệ is e, ̂ and ̣ before NFC); four leaves
    /// room for other scripts and emoji variation selectors. A 5-character title carrying
    /// 960 KB of combining marks was accepted before this limit (issue 9).
    static let maxMarksPerCharacter = 4
    /// What one character may take in UTF-8 on average, so that no text is larger than its
    /// length in characters suggests.
    static let maxBytesPerCharacter = 8

    var errors: [FieldError] = []

    /// Returns the cleaned text, or nil (recording why) when it is missing or invalid.
    mutating func text(_ raw: String?, field: String, required: Bool, min: Int = 0, max: Int, multiline: Bool = false) -> String? {
        // Refused before normalising: NFC of a long run of marks is slow.
        if let raw, raw.utf8.count > max * Self.maxBytesPerCharacter {
            errors.append(FieldError(field, .tooLong(max: max)))
            return nil
        }
        let value = VietnameseText.normalized(raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { errors.append(FieldError(field, .required)) }
            return nil
        }
        if value.unicodeScalars.contains(where: { Self.isForbidden($0, multiline: multiline) }) {
            errors.append(FieldError(field, .invalidCharacters))
            return nil
        }
        if value.utf8.count > max * Self.maxBytesPerCharacter || value.count > max {
            errors.append(FieldError(field, .tooLong(max: max)))
            return nil
        }
        if value.contains(where: { Self.marks(in: $0) > Self.maxMarksPerCharacter }) {
            errors.append(FieldError(field, .invalidCharacters))
            return nil
        }
        if value.count < min {
            errors.append(FieldError(field, .tooShort(min: min)))
            return nil
        }
        return value
    }

    /// Control characters cannot be shown and PostgreSQL cannot store NUL; line breaks and tabs
    /// are fine in long text. Bidirectional controls (U+202E turns "gpj.exe" around) have no
    /// place in a title or a name, where they can make a list lie about what it shows.
    static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
        if !multiline, isBidiControl(scalar) { return true }
        return scalar.properties.generalCategory == .control
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func marks(in character: Character) -> Int {
        character.unicodeScalars.reduce(0) { count, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: count + 1
            default: count
            }
        }
    }
}

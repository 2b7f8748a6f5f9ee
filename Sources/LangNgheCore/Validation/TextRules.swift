/// Checks shared by every text input: trimmed, NFC, within length, no control characters.
struct TextRules {
    var errors: [FieldError] = []

    /// Returns the cleaned text, or nil (recording why) when it is missing or invalid.
    mutating func text(_ raw: String?, field: String, required: Bool, min: Int = 0, max: Int, multiline: Bool = false) -> String? {
        let value = VietnameseText.normalized(raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { errors.append(FieldError(field, .required)) }
            return nil
        }
        if value.unicodeScalars.contains(where: { Self.isForbidden($0, multiline: multiline) }) {
            errors.append(FieldError(field, .invalidCharacters))
            return nil
        }
        if value.count > max {
            errors.append(FieldError(field, .tooLong(max: max)))
            return nil
        }
        if value.count < min {
            errors.append(FieldError(field, .tooShort(min: min)))
            return nil
        }
        return value
    }

    /// Control characters cannot be shown and PostgreSQL cannot store NUL; line breaks and tabs
    /// are fine in long text.
    static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
        return scalar.properties.generalCategory == .control
    }
}

import Foundation

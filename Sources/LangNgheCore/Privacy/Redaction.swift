/// Masks personal data in a text that is about to be published (DOMAIN.md §6).
///
/// The original text is never changed: it stays with the case, visible to those allowed to see
/// it. The redacted copy is what gets published, and recording the redaction is the caller's
/// event.
public enum Redaction {
    /// `text` with each finding replaced by `mask(finding.kind)`; every other Unicode scalar is
    /// kept exactly as it was (NFD stays NFD, emoji stay whole).
    ///
    /// - Parameters:
    ///   - findings: from `PersonalDataDetector.findings(in: text)` on this same text: all of
    ///     them, or the ones the approver chose. A finding that overlaps an earlier one, or whose
    ///     range no longer holds its `text` (findings of another version of the text), is
    ///     skipped rather than masking the wrong characters; run the detector on the result to
    ///     see what is left.
    ///   - mask: the replacement for each kind, such as "[số điện thoại đã ẩn]"; the app words it
    ///     per language by `kind.code`. With a mask that has no digits and no `@`, the result has
    ///     nothing left to find and redacting it again changes nothing.
    public static func apply(
        _ findings: [PersonalDataFinding], to text: String, mask: (PersonalDataFinding.Kind) -> String
    ) -> String {
        let scalars = text.unicodeScalars
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var cursor = scalars.startIndex
        for finding in findings.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let range = finding.range
            guard range.lowerBound >= cursor, range.upperBound <= scalars.endIndex,
                scalars[range].elementsEqual(finding.text.unicodeScalars)
            else { continue }
            // Substrings of the scalar view: bounds that are not Character boundaries stay exact.
            result += Substring(scalars[cursor..<range.lowerBound])
            result += mask(finding.kind)
            cursor = range.upperBound
        }
        result += Substring(scalars[cursor...])
        return result
    }
}

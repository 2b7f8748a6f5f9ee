import Foundation

/// Who a text may be about: the submitter of the petition it belongs to. Their name, address,
/// phone and e-mail are flagged wherever they appear, whatever the spelling of case; the name
/// only when they did not agree to its publication (DOMAIN.md §6).
public struct PersonalDataSubject: Sendable, Hashable {
    public var name: String
    public var address: String
    public var phone: String
    public var email: String
    public var nameMayBePublished: Bool

    public init(name: String, address: String, phone: String, email: String, nameMayBePublished: Bool) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.nameMayBePublished = nameMayBePublished
    }
}

extension PersonalDataDetector {
    /// The findings of `findings(in:)`, plus the subject's own data and names after forms of
    /// address, in order, without overlaps (the longest wins).
    public static func findings(in text: String, about subject: PersonalDataSubject?) -> [PersonalDataFinding] {
        var all = findings(in: text)
        all += namesAfterFormsOfAddress(in: text)
        if let subject { all += occurrences(of: subject, in: text) }
        return withoutOverlaps(all)
    }

    /// "ông Nguyễn Văn An", "bà Lan", "anh Hùng", "chị Hằng": the capitalised words (one to four)
    /// after a form of address. "Bà Rịa" is flagged too: the approver marks it "not personal data".
    static func namesAfterFormsOfAddress(in text: String) -> [PersonalDataFinding] {
        let forms: Set<String> = ["ông", "bà", "anh", "chị"]
        var found: [PersonalDataFinding] = []
        let words = Self.words(in: text)
        var i = 0
        while i < words.count {
            defer { i += 1 }
            guard forms.contains(String(text[words[i]]).lowercased()) else { continue }
            var j = i + 1
            // Names follow the form at once, word after word separated by spaces only.
            while j < words.count, j - i <= 4, text[words[j]].first?.isUppercase == true,
                text[words[j - 1].upperBound..<words[j].lowerBound].allSatisfy({ $0 == " " })
            {
                j += 1
            }
            guard j > i + 1 else { continue }
            let range = words[i + 1].lowerBound..<words[j - 1].upperBound
            found.append(PersonalDataFinding(kind: .name, range: range, text: String(text.unicodeScalars[range])))
            i = j - 1
        }
        return found
    }

    /// The subject's name and address, and the first part of the address (up to its first
    /// comma), wherever they appear, whatever the case.
    static func occurrences(of subject: PersonalDataSubject, in text: String) -> [PersonalDataFinding] {
        var needles: [(String, PersonalDataFinding.Kind)] = []
        if !subject.nameMayBePublished { needles.append((subject.name, .name)) }
        needles.append((subject.address, .address))
        if let street = subject.address.split(separator: ",").first.map(String.init), street.count >= 8, street != subject.address {
            needles.append((street, .address))
        }
        var found: [PersonalDataFinding] = []
        let lowered = text.lowercased()
        for (needle, kind) in needles {
            let needle = needle.trimmingCharacters(in: .whitespacesAndNewlines)
            guard needle.count >= 3 else { continue }
            for range in caseInsensitiveRanges(of: needle, in: text, lowercased: lowered) {
                found.append(PersonalDataFinding(kind: kind, range: range, text: String(text.unicodeScalars[range])))
            }
        }
        return found
    }

    /// Every place `needle` appears in `text`, whatever the case. When lowercasing keeps every
    /// byte count (Vietnamese, Latin), the search is over the bytes of the lowercased texts and
    /// the offsets are the original's; otherwise Foundation searches.
    /// `lowercased`: the text lowercased, when the caller searches it for several needles.
    static func caseInsensitiveRanges(of needle: String, in text: String, lowercased: String? = nil) -> [Range<String.Index>] {
        let lowerText = Array((lowercased ?? text.lowercased()).utf8)
        let lowerNeedle = Array(needle.lowercased().utf8)
        guard lowerText.count == text.utf8.count, lowerNeedle.count == needle.utf8.count, !lowerNeedle.isEmpty else {
            var ranges: [Range<String.Index>] = []
            var from = text.startIndex
            while from < text.endIndex, let range = text.range(of: needle, options: [.caseInsensitive], range: from..<text.endIndex) {
                ranges.append(range)
                from = range.upperBound
            }
            return ranges
        }
        var ranges: [Range<String.Index>] = []
        var i = 0
        let last = lowerText.count - lowerNeedle.count
        while i <= last {
            if lowerText[i] == lowerNeedle[0], lowerText[i..<(i + lowerNeedle.count)].elementsEqual(lowerNeedle) {
                let lower = text.utf8.index(text.utf8.startIndex, offsetBy: i)
                let upper = text.utf8.index(lower, offsetBy: lowerNeedle.count)
                // Only whole scalars: a match inside a multi-byte character is no match.
                if lower.samePosition(in: text.unicodeScalars) != nil, upper.samePosition(in: text.unicodeScalars) != nil {
                    ranges.append(lower..<upper)
                    i += lowerNeedle.count
                    continue
                }
            }
            i += 1
        }
        return ranges
    }

    /// The ranges of runs of letters.
    /// Runs of letters (with the marks that follow them), read scalar by scalar: reading
    /// characters cost more than the rest of the publication check.
    private static func words(in text: String) -> [Range<String.Index>] {
        var words: [Range<String.Index>] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let letter: Bool
            if scalar.isASCII {
                letter = (0x61...0x7A).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
            } else {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: letter = true
                case .nonspacingMark, .spacingMark, .enclosingMark: letter = start != nil
                default: letter = false
                }
            }
            if letter {
                if start == nil { start = index }
            } else if let s = start {
                words.append(s..<index)
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let s = start { words.append(s..<text.endIndex) }
        return words
    }

    /// The longest findings that do not overlap a longer one, in text order.
    static func withoutOverlaps(_ findings: [PersonalDataFinding]) -> [PersonalDataFinding] {
        let preferred = findings.sorted { a, b in
            let (la, lb) = (a.text.utf8.count, b.text.utf8.count)
            return la != lb ? la > lb : a.range.lowerBound < b.range.lowerBound
        }
        var kept: [PersonalDataFinding] = []
        for finding in preferred where !kept.contains(where: { $0.range.overlaps(finding.range) }) { kept.append(finding) }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

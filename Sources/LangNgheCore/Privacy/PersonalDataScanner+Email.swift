extension PersonalDataScanner {
    /// An e-mail address around the "at" marker at `position`: `@`, or `[at]`, `(at)`, `[@]`,
    /// `(@)` in any case, which people write to keep addresses from robots.
    func email(atMarker position: Int) -> Range<Int>? {
        guard let marker = atMarker(at: position),
            let start = localPartStart(endingAt: marker.lowerBound),
            let end = domainEnd(startingAt: marker.upperBound)
        else { return nil }
        return start..<end
    }

    private func atMarker(at position: Int) -> Range<Int>? {
        if bytes[position] == UInt8(ascii: "@") { return position..<position + 1 }
        guard let end = bracketedWord(at: position, from: Self.atWords) else { return nil }
        return widenedBySpaces(position..<end)
    }

    /// A dot between domain labels: `.`, or `[.]`, `(.)`, `[dot]`, `(dot)`; the position after it.
    private func dotMarker(at position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: ".") { return position + 1 }
        let bracket = bytes[position] == UInt8(ascii: " ") ? position + 1 : position
        guard bracket < bytes.count, let end = bracketedWord(at: bracket, from: Self.dotWords) else { return nil }
        return widenedBySpaces(bracket..<end).upperBound
    }

    private static let atWords: [[UInt8]] = ["at", "@"].map { Array($0.utf8) }
    private static let dotWords: [[UInt8]] = ["dot", "."].map { Array($0.utf8) }

    /// `[word]` or `(word)` at `position`, ignoring ASCII case; the position after the bracket.
    private func bracketedWord(at position: Int, from words: [[UInt8]]) -> Int? {
        let close: UInt8
        switch bytes[position] {
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        for word in words {
            let end = position + 1 + word.count
            if end < bytes.count, bytes[end] == close, bytes[position + 1..<end].lazy.map(Self.lowercased).elementsEqual(word) {
                return end + 1
            }
        }
        return nil
    }

    /// A bracketed marker takes one space on each side with it: "ten [at] gmail [dot] com".
    private func widenedBySpaces(_ marker: Range<Int>) -> Range<Int> {
        let lower = marker.lowerBound > 0 && bytes[marker.lowerBound - 1] == UInt8(ascii: " ") ? marker.lowerBound - 1 : marker.lowerBound
        let upper =
            marker.upperBound < bytes.count && bytes[marker.upperBound] == UInt8(ascii: " ") ? marker.upperBound + 1 : marker.upperBound
        return lower..<upper
    }

    /// Where the local part before `end` starts: ASCII letters, digits and `._%+-`, and letters
    /// of any script (internationalised addresses, and so that "nguyễnvăn@…" is not cut to
    /// "n@…", which would leave most of the name readable).
    private func localPartStart(endingAt end: Int) -> Int? {
        var start = end
        while start > 0 {
            let byte = bytes[start - 1]
            if byte < 0x80 {
                guard Self.isASCIILetter(byte) || Self.isDigit(byte) || Self.isLocalPartPunctuation(byte) else { break }
                start -= 1
            } else {
                var scalarStart = start - 1
                while scalarStart > 0, Self.isContinuation(bytes[scalarStart]) { scalarStart -= 1 }
                guard isLetterOrMark(at: scalarStart) else { break }
                start = scalarStart
            }
        }
        // A dot or dash before the address is punctuation: "- nguyen@…", "….nguyen@…".
        while start < end, bytes[start] == UInt8(ascii: ".") || bytes[start] == UInt8(ascii: "-") { start += 1 }
        return start < end ? start : nil
    }

    private static func isLocalPartPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Where the domain from `start` ends: at least two labels of ASCII letters, digits and `-`,
    /// the last of two or more letters. A trailing full stop belongs to the sentence.
    private func domainEnd(startingAt start: Int) -> Int? {
        var i = start
        var labels = 0
        var end: Int?
        while true {
            let labelStart = i
            while i < bytes.count, Self.isASCIILetter(bytes[i]) || Self.isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "-") { i += 1 }
            // A label running into a Vietnamese letter is a word: "gmail.com.Tôi" ends at "com".
            guard i > labelStart, i == bytes.count || !isLetterOrMark(at: i) else { break }
            labels += 1
            if labels >= 2, i - labelStart >= 2, bytes[labelStart..<i].allSatisfy(Self.isASCIILetter) { end = i }
            guard let next = dotMarker(at: i) else { break }
            i = next
        }
        return end
    }

    /// Whether the scalar starting at `position` is a letter of any script or a combining mark.
    private func isLetterOrMark(at position: Int) -> Bool {
        guard let scalar = scalar(at: position) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }
}

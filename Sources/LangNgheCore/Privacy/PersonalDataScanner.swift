/// A possible finding, by UTF-8 byte offsets, before overlaps are resolved.
struct PersonalDataCandidate {
    var bytes: Range<Int>
    var kind: PersonalDataFinding.Kind
}

/// One pass over the UTF-8 bytes of a text. Every rule starts at an ASCII byte (a digit, `+`,
/// `(`, `[`, `@`) and reads a few bytes around it, so the whole pass is linear.
///
/// Bytes rather than `Character`s: grapheme breaking costs far more than the rules themselves,
/// and bytes below 0x80 are always whole scalars in UTF-8, so offsets found at ASCII bytes are
/// always scalar boundaries.
struct PersonalDataScanner {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Every rule's matches, possibly overlapping.
    func candidates() -> [PersonalDataCandidate] {
        var found: [PersonalDataCandidate] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let runEnd = digitRunEnd(from: i)
                numbers(startingAt: i, runEnd: runEnd, into: &found)
                i = runEnd
                continue
            case UInt8(ascii: "+"):
                if let phone = formattedPhone(at: i) { found.append(.init(bytes: phone, kind: .phone)) }
            case UInt8(ascii: "("):
                if let phone = formattedPhone(at: i) { found.append(.init(bytes: phone, kind: .phone)) }
                if let email = email(atMarker: i) { found.append(.init(bytes: email, kind: .email)) }
            case UInt8(ascii: "@"), UInt8(ascii: "["):
                if let email = email(atMarker: i) { found.append(.init(bytes: email, kind: .email)) }
            default:
                break
            }
            i += 1
        }
        return found
    }

    /// The numbers that can start at a run of digits: a phone written in groups, the run itself,
    /// or labelled groups.
    private func numbers(startingAt start: Int, runEnd: Int, into found: inout [PersonalDataCandidate]) {
        if bytes[start] == UInt8(ascii: "0"), let phone = formattedPhone(at: start) {
            found.append(.init(bytes: phone, kind: .phone))
            return
        }
        if let number = digitRun(start..<runEnd) { found.append(number) }
        if let number = labelledGroups(startingAt: start) { found.append(number) }
    }
}

// MARK: - Bytes

extension PersonalDataScanner {
    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// UTF-8 continuation bytes are 10xxxxxx; a scalar starts at any other byte.
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    func isDigit(at position: Int) -> Bool {
        position < bytes.count && Self.isDigit(bytes[position])
    }

    func digitRunEnd(from start: Int) -> Int {
        var end = start
        while isDigit(at: end) { end += 1 }
        return end
    }

    /// The separator people put between digit groups at `position`: one space, no-break space
    /// (pasted from word processors), dot or dash. `kind` is the space for both spaces, so that
    /// they count as the same separator.
    func separator(at position: Int) -> (kind: UInt8, length: Int)? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"):
            return (bytes[position], 1)
        case 0xC2 where position + 1 < bytes.count && bytes[position + 1] == 0xA0:
            return (UInt8(ascii: " "), 2)
        default:
            return nil
        }
    }

    /// The end of the separator at `position` when a digit follows it.
    func separatorBeforeDigit(at position: Int) -> (kind: UInt8, end: Int)? {
        guard let separator = separator(at: position), isDigit(at: position + separator.length) else { return nil }
        return (separator.kind, position + separator.length)
    }

    /// Whether the digits at `position` continue a number on their left, as the later groups of
    /// `1.500.000` or `2026-000123` do. A space counts only when asked: "năm 2025 0912 345 678"
    /// is a year and then a phone.
    func continuesNumber(at position: Int, acrossSpace: Bool) -> Bool {
        guard position >= 2 else { return false }
        switch bytes[position - 1] {
        case UInt8(ascii: "."), UInt8(ascii: "-"):
            return Self.isDigit(bytes[position - 2])
        case UInt8(ascii: " "):
            return acrossSpace && Self.isDigit(bytes[position - 2])
        case 0xA0 where position >= 3 && bytes[position - 2] == 0xC2:
            return acrossSpace && Self.isDigit(bytes[position - 3])
        default:
            return false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `position`.
    func scalar(at position: Int) -> Unicode.Scalar? {
        var input = bytes[position...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&input) else { return nil }
        return scalar
    }
}

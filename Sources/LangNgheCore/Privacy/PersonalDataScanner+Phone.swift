extension PersonalDataScanner {
    /// A phone number written with a country code, an area code in brackets or separators
    /// between digit groups, starting at `start`. Numbers written as one run of digits are left
    /// to `digitRun`, which can weigh them against tax codes and accounts of the same length.
    ///
    /// It reads exactly as many digits as the prefix calls for (10 for mobiles, 11 for landlines
    /// and old mobiles), so "0912 345 678 2 người" stops before the 2.
    func formattedPhone(at start: Int) -> Range<Int>? {
        var i = start
        var national: [UInt8] = []  // the national number, with its leading 0
        var groups = 0
        var groupSeparator: UInt8?
        var hasPrefix = false

        if let afterCountryCode = countryCodeEnd(at: i) {
            hasPrefix = true
            national.append(UInt8(ascii: "0"))
            i = afterCountryCode
            if let separator = separatorBeforeDigit(at: i) { i = separator.end }
            // "+84 0912 345 678": the trunk 0 is written out as well as the country code.
            if i < bytes.count, bytes[i] == UInt8(ascii: "0") { i += 1 }
        } else if let areaCode = bracketedAreaCode(at: i) {
            hasPrefix = true
            national.append(contentsOf: bytes[areaCode.digits])
            groups = 1
            i = areaCode.end
            if let separator = separatorBeforeDigit(at: i) { i = separator.end }
        } else {
            // A national number starts with its trunk 0, and not inside "1.050.912…".
            guard isDigit(at: i), bytes[i] == UInt8(ascii: "0"), !continuesNumber(at: i, acrossSpace: false) else { return nil }
        }

        while true {
            let groupStart = i
            while isDigit(at: i) {
                national.append(bytes[i])
                i += 1
            }
            guard i - groupStart >= 2, let length = Self.phoneLength(national) else { return nil }
            groups += 1
            if national.count == length { break }
            guard national.count < length, let separator = separatorBeforeDigit(at: i) else { return nil }
            // One separator throughout: "05.03.2025 09…" is a date and then something else.
            if let groupSeparator, groupSeparator != separator.kind { return nil }
            groupSeparator = separator.kind
            i = separator.end
        }

        // Five or more groups are lists ("điểm 09 10 08 07 09"), not phone numbers; a single run
        // without a prefix belongs to `digitRun`.
        guard groups <= 4, hasPrefix || groupSeparator != nil else { return nil }
        // "0912.345.678.9" only starts like a phone; a space after the number ends it.
        if let separator = separatorBeforeDigit(at: i), separator.kind != UInt8(ascii: " ") { return nil }
        return start..<i
    }

    /// How many digits a national number starting with these digits has: mobiles (03, 05, 07,
    /// 08, 09) 10, landlines (02) and the old mobiles (01, before 2018) 11; nil if it is neither.
    static func phoneLength(_ national: [UInt8]) -> Int? {
        guard national.count >= 2, national[0] == UInt8(ascii: "0") else { return nil }
        return switch national[1] {
        case UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "9"): 10
        case UInt8(ascii: "1"), UInt8(ascii: "2"): 11
        default: nil
        }
    }

    /// After `+84`, `(+84)` or `(84)`.
    private func countryCodeEnd(at position: Int) -> Int? {
        for prefix in Self.countryCodes where bytes[position...].starts(with: prefix) {
            return position + prefix.count
        }
        return nil
    }

    private static let countryCodes: [[UInt8]] = ["+84", "(+84)", "(84)"].map { Array($0.utf8) }

    /// An area code in brackets, "(024)" or "(0236)": the digits and the position after ")".
    private func bracketedAreaCode(at position: Int) -> (digits: Range<Int>, end: Int)? {
        guard bytes[position] == UInt8(ascii: "("), isDigit(at: position + 1), bytes[position + 1] == UInt8(ascii: "0") else { return nil }
        let digitsEnd = digitRunEnd(from: position + 1)
        guard (3...4).contains(digitsEnd - position - 1), digitsEnd < bytes.count, bytes[digitsEnd] == UInt8(ascii: ")") else { return nil }
        return (position + 1..<digitsEnd, digitsEnd + 1)
    }
}

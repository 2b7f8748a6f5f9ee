extension PersonalDataScanner {
    /// A run of digits with nothing between them, `0912345678` or `001234567890`: what its label
    /// says it is, else what its length and first digits make it.
    func digitRun(_ run: Range<Int>) -> PersonalDataCandidate? {
        // 0312345678-001: a branch's tax code. The suffix makes it unmistakable, even after 03.
        if run.count == 10, let end = branchSuffixEnd(after: run.upperBound) {
            return .init(bytes: run.lowerBound..<end, kind: .taxCode)
        }
        guard (8...19).contains(run.count) else { return nil }
        let startsWithZero = bytes[run.lowerBound] == UInt8(ascii: "0")
        // Amounts never start with 0; personal numbers are never followed by a currency.
        if !startsWithZero, isFollowedByUnit(run.upperBound) { return nil }
        if let label = label(before: run.lowerBound), Self.fits(label, digits: run.count, startsWithZero: startsWithZero) {
            return .init(bytes: run, kind: label)
        }
        guard let kind = shape(of: run) else { return nil }
        return .init(bytes: run, kind: kind)
    }

    /// A number written in groups that a label names, "CCCD 001 234 567 890" or
    /// "STK 1903 1234 5678 90". Phones in groups are `formattedPhone`'s; unlabelled groups are
    /// amounts ("1.500.000.000"), dates or codes.
    func labelledGroups(startingAt start: Int) -> PersonalDataCandidate? {
        guard !continuesNumber(at: start, acrossSpace: true) else { return nil }
        var end = digitRunEnd(from: start)
        var digits = end - start
        var groups = 1
        var groupSeparator: UInt8?
        while let separator = separatorBeforeDigit(at: end), groupSeparator == nil || groupSeparator == separator.kind {
            groupSeparator = separator.kind
            let groupEnd = digitRunEnd(from: separator.end)
            digits += groupEnd - separator.end
            groups += 1
            end = groupEnd
            guard digits <= 19 else { return nil }
        }
        let startsWithZero = bytes[start] == UInt8(ascii: "0")
        guard groups >= 2, digits >= 8,
            startsWithZero || !isFollowedByUnit(end),  // "tài khoản nhận 1.500.000.000 đồng" is an amount
            let label = label(before: start), label != .phone,
            Self.fits(label, digits: digits, startsWithZero: startsWithZero)
        else { return nil }
        return .init(bytes: start..<end, kind: label)
    }

    /// The kind a run of 8–19 digits has by its shape alone.
    private func shape(of run: Range<Int>) -> PersonalDataFinding.Kind? {
        let digits = bytes[run]
        let national = Self.phoneLength(Array(digits.prefix(2)))
        // 84912345678 is +84 912 345 678 without the plus: the national number is 0 and what
        // follows the 84.
        let international = digits.starts(with: Self.countryCode) ? Self.phoneLength([UInt8(ascii: "0"), bytes[run.lowerBound + 2]]) : nil
        switch run.count {
        case 9:
            // Old CMND numbers start with a province code 01–38.
            return bytes[run.lowerBound] <= UInt8(ascii: "3") ? .nationalID : .bankAccount
        case 10:
            return national == 10 ? .phone : .taxCode
        case 11:
            return national == 11 || international == 10 ? .phone : .bankAccount
        case 12:
            if international == 11 { return .phone }
            // A CCCD starts with the 0 of its province code (001–096).
            return bytes[run.lowerBound] == UInt8(ascii: "0") ? .nationalID : .bankAccount
        case 13...19:
            return .bankAccount
        default:
            return nil
        }
    }

    private static let countryCode: [UInt8] = Array("84".utf8)

    /// Whether a number of this many digits can be what its label says.
    static func fits(_ kind: PersonalDataFinding.Kind, digits: Int, startsWithZero: Bool) -> Bool {
        switch kind {
        case .phone: startsWithZero && (10...11).contains(digits)
        case .nationalID: digits == 9 || digits == 12
        // Since 1 July 2025 a person's tax code is their 12-digit CCCD; a branch's 13 digits
        // are sometimes written without the dash.
        case .taxCode: digits == 10 || digits == 12 || digits == 13
        case .bankAccount: (8...19).contains(digits)
        case .email, .name, .address: false
        }
    }

    /// The end of `-` and exactly three digits at `position`.
    private func branchSuffixEnd(after position: Int) -> Int? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "-") else { return nil }
        let end = digitRunEnd(from: position + 1)
        return end - position - 1 == 3 ? end : nil
    }
}

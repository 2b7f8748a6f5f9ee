import Foundation

extension PersonalDataScanner {
    /// The kind named by a label among the last few words before `position` and after the
    /// previous number: "SĐT", "CCCD số", "Mã số thuế:", "STK của tôi là".
    func label(before position: Int) -> PersonalDataFinding.Kind? {
        var words = foldedWords(max(0, position - 64)..<position)
        // "CCCD 001234567890, SĐT 0912345678": each number has its own label.
        if let previousNumber = words.lastIndex(where: { $0.contains(where: Self.isDigit) }) {
            words.removeSubrange(...previousNumber)
        }
        // A label ends within the last four words ("mã số thuế cá nhân 0010…"); the nearest
        // wins: "CCCD và SĐT 0912345678" is a phone.
        for end in words.indices.reversed().prefix(4) {
            for label in Self.labels[words[end], default: []] where words[...end].suffix(label.words.count).elementsEqual(label.words) {
                return label.kind
            }
        }
        return nil
    }

    /// A label, folded, and the kind of number it announces.
    private struct Label {
        let words: [ArraySlice<UInt8>]
        let kind: PersonalDataFinding.Kind

        init(_ text: String, _ kind: PersonalDataFinding.Kind) {
            self.words = Array(text.utf8).split(separator: UInt8(ascii: " "))
            self.kind = kind
        }
    }

    /// The labels by their last word, so that each word costs one lookup.
    private static let labels: [ArraySlice<UInt8>: [Label]] = Dictionary(
        grouping: [
            Label("sdt", .phone), Label("dt", .phone), Label("dien thoai", .phone), Label("di dong", .phone),
            Label("hotline", .phone), Label("zalo", .phone), Label("tel", .phone), Label("phone", .phone),
            Label("cccd", .nationalID), Label("cmnd", .nationalID), Label("cmt", .nationalID),
            Label("can cuoc", .nationalID), Label("chung minh", .nationalID), Label("dinh danh", .nationalID),
            Label("mst", .taxCode), Label("ma so thue", .taxCode), Label("ma thue", .taxCode),
            Label("stk", .bankAccount), Label("tk", .bankAccount), Label("tai khoan", .bankAccount), Label("ngan hang", .bankAccount),
        ],
        by: { $0.words.last ?? [] })

    /// Whether a currency or `%` follows the number ending at `position`: "1500000000 đồng",
    /// "150000000đ", "2000000 VNĐ", "12%".
    func isFollowedByUnit(_ position: Int) -> Bool {
        var i = position
        if let separator = separator(at: i), separator.kind == UInt8(ascii: " ") { i += separator.length }
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "%") { return true }
        // A word must follow directly: in "123456789, đồng thời" the comma ends the number.
        guard bytes[i] >= 0x80 || Self.isASCIILetter(bytes[i]) else { return false }
        guard let next = foldedWords(i..<min(bytes.count, i + 24)).first else { return false }
        return Self.currencies.contains(next)
    }

    private static let currencies: Set<ArraySlice<UInt8>> = Set(
        ["d", "dong", "vnd", "usd", "trieu", "ty", "ti", "nghin", "ngan"].map { ArraySlice($0.utf8) })
}

// MARK: - Folding

extension PersonalDataScanner {
    /// The words of a few bytes of text, folded as `VietnameseText.folded` folds them (DOMAIN.md
    /// §7): lowercase, marks dropped, đ → d, so that "Số tài khoản", "SỐ TÀI KHOẢN" and their NFD
    /// forms all read "so tai khoan".
    ///
    /// By table rather than through Foundation's normalisation, which costs tens of microseconds
    /// a call and would be paid for every long number in the text.
    func foldedWords(_ range: Range<Int>) -> [ArraySlice<UInt8>] {
        var folded: [UInt8] = []
        folded.reserveCapacity(range.count)
        var lower = range.lowerBound
        while lower > 0, Self.isContinuation(bytes[lower]) { lower -= 1 }  // start on a whole scalar
        var input = bytes[lower..<range.upperBound].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&input) {
            if let letter = Self.folded(scalar) {
                folded.append(letter)
            } else if !(0x300...0x36F).contains(scalar.value) {  // NFD's combining marks are dropped
                folded.append(UInt8(ascii: " "))
            }
        }
        return folded.split(separator: UInt8(ascii: " "))
    }

    /// What a scalar folds to: an ASCII letter or digit, `otherLetter` for letters of other
    /// scripts (they end no word but match no label), nil for what separates words.
    private static func folded(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return isASCIILetter(byte) || isDigit(byte) ? lowercased(byte) : nil
        }
        if let base = latinBases[scalar.value] { return base }
        return scalar.properties.isAlphabetic ? otherLetter : nil
    }

    private static let otherLetter: UInt8 = 0xFF

    /// Latin letters with diacritics, all of Vietnamese's among them, and their lowercase base
    /// letter; đ has no decomposition and is added by hand. Built once from Unicode's own
    /// decompositions rather than typed out.
    private static let latinBases: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [0x110: UInt8(ascii: "d"), 0x111: UInt8(ascii: "d")]
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value),
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                base.isASCII, isASCIILetter(UInt8(base.value))
            else { continue }
            table[UInt32(value)] = lowercased(UInt8(base.value))
        }
        return table
    }()
}

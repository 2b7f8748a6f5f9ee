/// Flags personal data in a title, content or answer before the leader publishes it
/// (DOMAIN.md §6), so that the approver can redact it with `Redaction`.
///
/// What is flagged:
/// - **Phone numbers**: mobile `0912345678`, `0912 345 678`, `0912.345.678`, `0912-345-678`,
///   `+84 912 345 678`, `(+84) 912345678`, `84912345678`; landlines `024 3825 1234`,
///   `028.3822.1234`, `(024) 3825 1234`; the 11-digit `01…` mobiles of before 2018. Groups are
///   separated by one space, no-break space, dot or dash, the same one throughout, in at most four
///   groups ("09 10 08 07 09" is a list of marks).
/// - **E-mail addresses**, also `ten [at] gmail [dot] com` or `ten(at)gmail(.)com`. Not
///   `ten at gmail dot com`: "at" and "dot" are ordinary words in mixed text, brackets are not.
/// - **National ID numbers**: the 12-digit CCCD (starting with the 0 of a province code) and the
///   9-digit CMND (starting 0–3).
/// - **Tax codes**: 10 digits that are not a mobile number, or 10 digits, `-` and 3 digits.
/// - **Bank accounts**: other runs of 9–19 digits. Optional in the issue, flagged here because an
///   account number identifies its holder as surely as a phone number.
///
/// A label among the four words before a number ("SĐT", "CCCD", "MST", "mã số thuế", "STK", "số
/// tài khoản", …) decides between kinds of the same length ("MST 0312345678" is a tax code, "STK
/// 0912345678" an account) and makes numbers written in groups count ("CCCD 001 234 567 890",
/// "STK 1903 1234 5678 90"). Without a label, grouped digits are taken for amounts, dates or codes.
///
/// Not flagged: dates (`12/03/2025`, `2025-03-12`, `12.03.2025`), document numbers
/// (`92/2017/NĐ-CP`, `574/QĐ-TTg`, `8726/VPCP-KGVX`), amounts (`1.500.000 đồng`, `2,5 tỷ`; also
/// `1500000000 đồng`: a number not starting with 0 and followed by a currency or `%` is an
/// amount), years, tracking codes (`PAKN-2026-000123`), article and clause numbers, percentages,
/// numbers of 8 digits or fewer without a label. Only ASCII digits count. Numbers inside links are
/// flagged like any other: `zalo.me/0912345678` carries a phone number too.
///
/// When findings overlap, the longest wins: `0912345678@gmail.com` is one e-mail address,
/// `0312345678-001` one tax code.
///
/// A finding is a suggestion: the rules lean towards flagging, and the approver decides. The text
/// is read once as UTF-8 bytes; everything looked for is ASCII, so NFC and NFD text give the same
/// findings, and only numbers of 8 digits or more look at the words around them.
public enum PersonalDataDetector {
    /// The personal data in `text`, in order, without overlaps.
    public static func findings(in text: String) -> [PersonalDataFinding] {
        let scanner = PersonalDataScanner(text)
        let chosen = longestWithoutOverlap(scanner.candidates(), byteCount: scanner.bytes.count)
        let utf8 = text.utf8
        return chosen.map { candidate in
            // Offsetting a native string's UTF-8 view is constant time; candidates start and end on
            // scalar boundaries, so these are valid indices for the scalar view too.
            let lower = utf8.index(utf8.startIndex, offsetBy: candidate.bytes.lowerBound)
            let upper = utf8.index(lower, offsetBy: candidate.bytes.count)
            return PersonalDataFinding(kind: candidate.kind, range: lower..<upper, text: String(text.unicodeScalars[lower..<upper]))
        }
    }

    /// Keeps the longest candidates that do not overlap a longer one, in text order.
    static func longestWithoutOverlap(_ candidates: [PersonalDataCandidate], byteCount: Int) -> [PersonalDataCandidate] {
        guard candidates.count > 1 else { return candidates }
        let preferred = candidates.sorted { a, b in
            if a.bytes.count != b.bytes.count { return a.bytes.count > b.bytes.count }
            return a.bytes.lowerBound < b.bytes.lowerBound
        }
        var taken = [Bool](repeating: false, count: byteCount)
        var kept: [PersonalDataCandidate] = []
        for candidate in preferred where !taken[candidate.bytes].contains(true) {
            taken.replaceSubrange(candidate.bytes, with: repeatElement(true, count: candidate.bytes.count))
            kept.append(candidate)
        }
        return kept.sorted { $0.bytes.lowerBound < $1.bytes.lowerBound }
    }
}

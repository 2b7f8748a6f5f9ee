/// A piece of personal data found in a text that is about to be published (DOMAIN.md §6).
///
/// A finding is a suggestion for the approver, not a verdict: the detector errs on the side of
/// flagging, and the approver decides what to redact.
public struct PersonalDataFinding: Sendable, Hashable {
    /// What the finding looks like. The UI names it in the reader's language; `code` is the
    /// stable identifier for events, logs and string tables.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A Vietnamese mobile or landline number, in any common written form.
        case phone
        /// An e-mail address, also the bracketed forms `ten [at] gmail [dot] com`.
        case email
        /// A citizen identity card number: CCCD (12 digits) or the old CMND (9 digits).
        case nationalID = "national_id"
        /// An enterprise or personal tax code: 10 digits, a branch adds `-` and 3 digits.
        case taxCode = "tax_code"
        /// A long run of digits (9–19) that is none of the above, or a number labelled as a bank
        /// account ("STK", "số tài khoản"). Account numbers identify a person as well as a phone.
        case bankAccount = "bank_account"
        /// A person's name: the submitter's own (unless they agreed to its publication), or a
        /// name after a form of address (ông, bà, anh, chị).
        case name
        /// The submitter's address, or its first part (house number and street).
        case address

        /// The stable identifier: `phone`, `email`, `national_id`, `tax_code`, `bank_account`, `name`, `address`.
        public var code: String { rawValue }

        /// The kind with this stable identifier, if any.
        public init?(code: String) {
            self.init(rawValue: code)
        }
    }

    /// What was found.
    public let kind: Kind

    /// Where it is, in the string that was analysed and only in that string.
    ///
    /// The bounds are Unicode scalar boundaries, which are not always `Character` boundaries
    /// (a digit can carry a combining mark or be part of a keycap emoji), so slice with
    /// `text.unicodeScalars[range]`, which is exact, rather than `text[range]`, which rounds to
    /// whole characters. `range.lowerBound.utf16Offset(in: text)` gives the offset a browser
    /// uses for highlighting.
    public let range: Range<String.Index>

    /// The characters found, exactly as they appear in the analysed text.
    public let text: String

    public init(kind: Kind, range: Range<String.Index>, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

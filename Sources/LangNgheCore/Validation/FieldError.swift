/// What is wrong with one input field. The user interface turns the problem into a sentence in
/// the reader's language; the field is named by its path in the API (`submitter.phone`).
public struct FieldError: Sendable, Hashable, Error {
    public enum Problem: Sendable, Hashable {
        case required
        case tooLong(max: Int)
        case tooShort(min: Int)
        case invalidCharacters
        case invalidChoice
        case invalidPhone
        case invalidEmail
        case invalidTaxCode
        case unknownField
        case fieldNotForCategory
        case unknownAgency
        case tooManyFiles(max: Int)
        case fileTooLarge(maxBytes: Int)
        case fileTypeNotAllowed
        case fileEmpty
        /// A JSON value of the wrong type (a number where text was expected).
        case wrongType
        /// A whole number outside 1…max, or not a whole number at all.
        case notInRange(max: Int)
        /// A period longer than `maxYears` years.
        case periodTooLong(maxYears: Int)
        /// Not a date (day/month/year or YYYY-MM-DD), or not one the system covers.
        case invalidDate
        /// A period whose start comes after its end.
        case periodReversed
        /// A re-entered password that is not the account's (signing an answer).
        case wrongPassword
        /// A report asked for a period that has not ended yet.
        case periodNotOver

        /// A stable name for the problem: the key of its message in the string catalogues.
        public var code: String {
            switch self {
            case .required: "required"
            case .tooLong: "tooLong"
            case .tooShort: "tooShort"
            case .invalidCharacters: "invalidCharacters"
            case .invalidChoice: "invalidChoice"
            case .invalidPhone: "invalidPhone"
            case .invalidEmail: "invalidEmail"
            case .invalidTaxCode: "invalidTaxCode"
            case .unknownField: "unknownField"
            case .fieldNotForCategory: "fieldNotForCategory"
            case .unknownAgency: "unknownAgency"
            case .tooManyFiles: "tooManyFiles"
            case .fileTooLarge: "fileTooLarge"
            case .fileTypeNotAllowed: "fileTypeNotAllowed"
            case .fileEmpty: "fileEmpty"
            case .wrongType: "wrongType"
            case .notInRange: "notInRange"
            case .periodTooLong: "periodTooLong"
            case .invalidDate: "invalidDate"
            case .periodReversed: "periodReversed"
            case .wrongPassword: "wrongPassword"
            case .periodNotOver: "periodNotOver"
            }
        }

        /// The number the message mentions, if any.
        public var limit: Int? {
            switch self {
            case .tooLong(let n), .tooShort(let n), .tooManyFiles(let n), .notInRange(let n), .periodTooLong(let n): n
            case .fileTooLarge(let bytes): bytes / 1_048_576
            default: nil
            }
        }
    }

    public var field: String
    public var problem: Problem

    public init(_ field: String, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }
}

/// Every problem found in one input, so that a form can show them all at once.
public struct ValidationFailure: Error, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}

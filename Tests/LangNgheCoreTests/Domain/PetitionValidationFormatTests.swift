import Foundation
import LangNgheCore
import Testing

@Suite("Intake: phone, e-mail, tax code, and reference data")
struct PetitionValidationFormatTests {
    @Test(
        "Vietnamese phone numbers, as people write them",
        arguments: [
            "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84 912 345 678", "+84912345678",
            "84912345678", "024 3825 1234", "(024) 3825 1234", " 0912345678 ",
        ])
    func phoneAccepted(_ phone: String) {
        let draft = DomainTestIntake.setting("submitter.phone", to: phone)
        #expect(DomainTestIntake.errors(draft) == [])
    }

    @Test(
        arguments: [
            "12345", "09123", "0912abc678", "09I2345678", "+1 555 123 4567", "+15551234567", "091234567890",
            "０９１２３４５６７８", "0912345678 máy lẻ 9", "+84", "++84912345678",
        ])
    func phoneRefused(_ phone: String) {
        let draft = DomainTestIntake.setting("submitter.phone", to: phone)
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.phone", .invalidPhone)])
    }

    @Test(
        arguments: [
            "an@example.vn", "nguyen.van.an@gmail.com", "user+tag@sub.domain.gov.vn", " an@example.vn ",
        ])
    func emailAccepted(_ email: String) {
        let draft = DomainTestIntake.setting("submitter.email", to: email)
        #expect(DomainTestIntake.accepted(draft)?.submitter.email == email.trimmingCharacters(in: .whitespaces))
    }

    @Test("E-mail is optional", arguments: [nil, "", "  "] as [String?])
    func emailOptional(_ email: String?) {
        let draft = DomainTestIntake.setting("submitter.email", to: email)
        #expect(DomainTestIntake.accepted(draft)?.submitter.email == "")
    }

    @Test(
        arguments: [
            "an", "an@", "@example.vn", "an@example", "an@@example.vn", "an@ex@ample.vn", "an nguyen@example.vn",
            "an@.vn", "an@example.", "an@exam ple.vn",
        ])
    func emailRefused(_ email: String) {
        let draft = DomainTestIntake.setting("submitter.email", to: email)
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.email", .invalidEmail)])
    }

    @Test(arguments: ["0101234567", "0101234567-001", " 0101234567 "])
    func taxCodeAccepted(_ taxCode: String) {
        let draft = DomainTestIntake.setting("submitter.taxCode", to: taxCode, in: DomainTestIntake.organization())
        #expect(DomainTestIntake.accepted(draft)?.submitter.taxCode == taxCode.trimmingCharacters(in: .whitespaces))
    }

    @Test(
        arguments: [
            "010123456", "01012345678", "0101234567-01", "0101234567-", "-001", "0101234567-abc", "abcdefghij",
            "0101 234 567", "０１０１２３４５６７", "0101234567-1-2", "0101234567_001",
        ])
    func taxCodeRefused(_ taxCode: String) {
        let draft = DomainTestIntake.setting("submitter.taxCode", to: taxCode, in: DomainTestIntake.organization())
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.taxCode", .invalidTaxCode)])
    }

    @Test func taxCodeLongerThanABranchCodeIsTooLong() {
        let draft = DomainTestIntake.setting("submitter.taxCode", to: "0101234567-0001", in: DomainTestIntake.organization())
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.taxCode", .tooLong(max: 14))])
    }

    @Test(
        "Fields: unknown, retired, or not for the chosen category",
        arguments: [
            ("conduct", "housing", FieldError.Problem.unknownField),
            ("conduct", "lottery", .unknownField),  // inactive
            ("conduct", "startup", .fieldNotForCategory),
            ("proposal", "land", .fieldNotForCategory),
        ])
    func fieldRefused(category: String, field: String, problem: FieldError.Problem) {
        var draft = DomainTestIntake.individual()
        draft.category = category
        draft.field = field
        #expect(DomainTestIntake.errors(draft) == [FieldError("field", problem)])
    }

    @Test func fieldIsOptional() {
        let draft = DomainTestIntake.setting("field", to: "")
        #expect(DomainTestIntake.errors(draft) == [])
        #expect(DomainTestIntake.accepted(draft)?.fieldCode == nil)
    }

    @Test func fieldIsNotCheckedAgainstAnUnknownCategory() {
        var draft = DomainTestIntake.individual()
        draft.category = "complaint"
        draft.field = "startup"
        #expect(DomainTestIntake.errors(draft) == [FieldError("category", .invalidChoice)])
    }

    @Test(arguments: ["XYZ", "BTTTT"])  // unknown, inactive
    func agencyRefused(_ code: String) {
        let draft = DomainTestIntake.setting("agencyCode", to: code)
        #expect(DomainTestIntake.errors(draft) == [FieldError("agencyCode", .unknownAgency)])
    }

    @Test("No agency named (không rõ): the Government Office routes it", arguments: [nil, "", " "] as [String?])
    func agencyIsOptional(_ code: String?) {
        let draft = DomainTestIntake.setting("agencyCode", to: code)
        #expect(DomainTestIntake.errors(draft) == [])
        #expect(DomainTestIntake.accepted(draft)?.agencyCode == nil)
    }

    @Test(arguments: ["VPCP", "BTNMT", " HN "])
    func agencyAccepted(_ code: String) {
        let draft = DomainTestIntake.setting("agencyCode", to: code)
        #expect(DomainTestIntake.accepted(draft)?.agencyCode == code.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: ["complaint", "Conduct", "khiếu nại"])
    func unknownCategory(_ category: String) {
        var draft = DomainTestIntake.individual()
        draft.category = category
        draft.field = nil
        #expect(DomainTestIntake.errors(draft) == [FieldError("category", .invalidChoice)])
    }
}

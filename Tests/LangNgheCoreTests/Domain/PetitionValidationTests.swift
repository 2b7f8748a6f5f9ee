import LangNgheCore
import Testing

@Suite("Intake: required fields and the two kinds of submitter")
struct PetitionValidationTests {
    static let requiredFields = [
        "submitter.type", "submitter.name", "submitter.address", "submitter.phone", "category", "title", "content",
    ]
    static let organizationFields = ["submitter.organizationName", "submitter.taxCode"]
    static let blanks: [String?] = [nil, "", "   ", "\n\t "]

    @Test func validIndividual() {
        // MUT
        let petition = DomainTestIntake.accepted(DomainTestIntake.individual())

        // validate
        let expected = ValidPetition(
            submitter: Submitter(
                kind: .individual, name: "Nguyễn Văn An", address: "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội",
                phone: "0912345678", email: "an.nguyen@example.vn"),
            category: .conduct, fieldCode: "land", agencyCode: "HN", title: "Chậm cấp sổ đỏ",
            content: "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp từ tháng 3 đến nay chưa có kết quả.",
            // Not asked: told by e-mail, since an address was given.
            publishName: true, notifyBy: [.email])
        #expect(petition == expected)
    }

    @Test func validOrganization() throws {
        // MUT
        let petition = try #require(DomainTestIntake.accepted(DomainTestIntake.organization()))

        // validate
        #expect(petition.submitter.kind == .organization)
        #expect(petition.submitter.organizationName == "Công ty TNHH Sáng Tạo")
        #expect(petition.submitter.taxCode == "0101234567")
        #expect(petition.category == .proposal)
        #expect(petition.fieldCode == "startup")
        #expect(petition.agencyCode == "BTNMT")
        #expect(petition.publishName == false)
    }

    @Test("Nothing filled in: every required field named once", arguments: [nil, ""] as [String?])
    func emptyDraft(_ blank: String?) {
        // setup
        var draft = PetitionDraft()
        for field in Self.requiredFields + Self.organizationFields + ["submitter.email", "field", "agencyCode"] {
            draft = DomainTestIntake.setting(field, to: blank, in: draft)
        }

        // MUT
        let errors = DomainTestIntake.errors(draft)

        // validate
        #expect(errors.count == Self.requiredFields.count)
        #expect(Set(errors) == Set(Self.requiredFields.map { FieldError($0, .required) }))
    }

    @Test(
        "A required field left out on its own is named once with .required",
        arguments: requiredFields, blanks)
    func missingRequiredField(field: String, blank: String?) {
        // setup
        let draft = DomainTestIntake.setting(field, to: blank, in: DomainTestIntake.individual())

        // MUT
        let errors = DomainTestIntake.errors(draft)

        // validate
        // The submitter type is checked untrimmed for emptiness (PetitionValidation.swift, line 13),
        // and the category is trimmed of spaces but not line breaks (line 26), so there blank text
        // is an "invalid choice" while every other field calls it missing.
        #expect(errors == [FieldError(field, .required)])
    }

    @Test(
        "Organisation fields are required for organisations",
        arguments: organizationFields, blanks)
    func organizationFieldMissing(field: String, blank: String?) {
        let draft = DomainTestIntake.setting(field, to: blank, in: DomainTestIntake.organization())
        #expect(DomainTestIntake.errors(draft) == [FieldError(field, .required)])
    }

    @Test func organizationWithoutItsFieldsNamesBoth() {
        // setup
        var draft = DomainTestIntake.organization()
        draft.organizationName = nil
        draft.taxCode = nil

        // MUT, validate
        #expect(
            DomainTestIntake.errors(draft) == [
                FieldError("submitter.organizationName", .required), FieldError("submitter.taxCode", .required),
            ])
    }

    @Test func organisationFieldsAreDroppedForIndividuals() throws {
        // setup: the form was switched back to "individual" after the organisation was filled in
        var draft = DomainTestIntake.individual()
        draft.organizationName = "Công ty TNHH Sáng Tạo"
        draft.taxCode = "0101234567-001"

        // MUT
        let petition = try #require(DomainTestIntake.accepted(draft))

        // validate
        #expect(petition.submitter.kind == .individual)
        #expect(petition.submitter.organizationName == nil)
        #expect(petition.submitter.taxCode == nil)
    }

    @Test(arguments: ["company", "Individual", "ORGANIZATION", "cá nhân"])
    func unknownSubmitterKind(_ kind: String) {
        let draft = DomainTestIntake.setting("submitter.type", to: kind)
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.type", .invalidChoice)])
    }

    @Test func surroundingSpacesAroundChoicesAreIgnored() {
        // setup
        var draft = DomainTestIntake.organization()
        draft.submitterKind = " organization "
        draft.category = " proposal\t"

        // MUT, validate
        #expect(DomainTestIntake.accepted(draft)?.category == .proposal)
        #expect(DomainTestIntake.accepted(draft)?.submitter.kind == .organization)
    }

    @Test func aLineBreakAroundAChoiceIsIgnored() {
        // setup: as a JSON client or a pasted value may send it
        var draft = DomainTestIntake.individual()
        draft.submitterKind = "individual\n"
        draft.category = "conduct\r\n"

        // MUT, validate
        // Choices are trimmed of `.whitespaces` only (PetitionValidation.swift, lines 11 and 26),
        // while every text field is trimmed of `.whitespacesAndNewlines` (TextRules.swift, line 7).
        #expect(DomainTestIntake.errors(draft) == [])
    }

    @Test func everyProblemIsReportedAtOnce() {
        // setup
        var draft = DomainTestIntake.individual()
        draft.phone = "12345"
        draft.email = "not-an-address"
        draft.agencyCode = "XYZ"
        draft.title = nil

        // MUT, validate
        #expect(
            DomainTestIntake.errors(draft) == [
                FieldError("submitter.phone", .invalidPhone), FieldError("submitter.email", .invalidEmail),
                FieldError("agencyCode", .unknownAgency), FieldError("title", .required),
            ])
    }
}

import LangNgheCore
import Testing

@Suite("Intake: text length, control characters, hostile text")
struct PetitionValidationTextTests {
    @Test(
        "Lengths are counted in characters, after trimming",
        arguments: [
            ("title", 4, FieldError.Problem?.some(.tooShort(min: 5))),
            ("title", 5, nil),
            ("title", 250, nil),
            ("title", 251, .tooLong(max: PetitionDraft.maxTitleLength)),
            ("content", 19, .tooShort(min: 20)),
            ("content", 20, nil),
            ("content", 150_000, nil),
            ("content", 150_001, .tooLong(max: PetitionDraft.maxContentLength)),
            ("submitter.name", 1, .tooShort(min: 2)),
            ("submitter.name", 201, .tooLong(max: 200)),
            ("submitter.address", 4, .tooShort(min: 5)),
            ("submitter.address", 501, .tooLong(max: 500)),
        ])
    func length(field: String, count: Int, problem: FieldError.Problem?) {
        // setup: "ễ" is three bytes in NFC and three code points in NFD, but one character
        for letter in ["\u{1EC5}", "e\u{0302}\u{0303}"] {
            let text = "  " + String(repeating: letter, count: count) + " \n"
            let draft = DomainTestIntake.setting(field, to: text)

            // MUT
            let errors = DomainTestIntake.errors(draft)

            // validate
            #expect(errors == (problem.map { [FieldError(field, $0)] } ?? []))
        }
    }

    @Test func limitsAreTheDocumentedOnes() {
        #expect(PetitionDraft.maxTitleLength == 250)
        #expect(PetitionDraft.maxContentLength == 150_000)
        #expect(FieldError.Problem.tooLong(max: 250).limit == 250)
    }

    @Test(
        "Control characters are refused",
        arguments: [
            ("title", "Chậm cấp\u{0}sổ đỏ"),
            ("title", "Chậm cấp \u{1B}[31msổ đỏ"),
            ("title", "Chậm cấp\nsổ đỏ"),  // a title is one line
            ("title", "Chậm cấp\tsổ đỏ"),
            ("submitter.name", "Nguyễn\u{0}Văn An"),
            ("submitter.address", "Số 1 Hoàng Hoa Thám\u{7F}"),
            ("content", "Hồ sơ nộp từ tháng 3 đến nay\u{0} chưa có kết quả."),
            ("content", "Hồ sơ nộp từ tháng 3 \u{1B}[2J đến nay chưa có kết quả."),
            ("content", "Hồ sơ nộp từ tháng 3 \u{9B} đến nay chưa có kết quả."),  // C1 control
        ])
    func controlCharacters(field: String, text: String) {
        let draft = DomainTestIntake.setting(field, to: text)
        #expect(DomainTestIntake.errors(draft) == [FieldError(field, .invalidCharacters)])
    }

    /// Issue 9: a 5-character title carrying 960 KB of combining marks was accepted.
    @Test func stackedMarksAndOversizedBytesAreRefused() {
        let stacked = "Chậm" + "c" + String(repeating: "\u{0301}", count: 480_000)
        #expect(DomainTestIntake.errors(DomainTestIntake.setting("title", to: stacked)) == [FieldError("title", .tooLong(max: 250))])
        let fewer = "Chậm c" + String(repeating: "\u{0301}\u{0302}", count: 3)
        #expect(DomainTestIntake.errors(DomainTestIntake.setting("title", to: fewer)) == [FieldError("title", .invalidCharacters)])
        // Vietnamese in NFD (two marks on a letter) and emoji with variation selectors are fine.
        let vietnamese = "Chê\u{0302}\u{0323}m ca\u{0302}\u{0301}p so\u{031B}\u{0309} đo\u{0309}"
        #expect(DomainTestIntake.errors(DomainTestIntake.setting("title", to: vietnamese)).isEmpty)
        #expect(DomainTestIntake.errors(DomainTestIntake.setting("title", to: "Đường hỏng 👁️‍🗨️ ❤️")).isEmpty)
    }

    @Test(
        "Bidirectional controls are refused in one-line text",
        arguments: [
            ("title", "Hồ sơ \u{202E}gpj.exe"), ("title", "Chậm cấp \u{2066}sổ đỏ\u{2069}"), ("submitter.name", "Nguyễn\u{200F} Văn An"),
            ("submitter.address", "Số 1 \u{202A}Hoàng Hoa Thám"),
        ])
    func bidirectionalControls(field: String, text: String) {
        #expect(DomainTestIntake.errors(DomainTestIntake.setting(field, to: text)) == [FieldError(field, .invalidCharacters)])
    }

    @Test func lineBreaksAndTabsAreFineInContent() {
        // setup
        let content = "Kính gửi Văn phòng Chính phủ,\n\n\tTôi xin phản ánh:\r\n- ý thứ nhất;\n- ý thứ hai."
        let draft = DomainTestIntake.setting("content", to: content)

        // MUT, validate
        #expect(DomainTestIntake.accepted(draft)?.content == content)
    }

    @Test(
        "Hostile text is stored as typed, only normalised to NFC",
        arguments: [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE petitions; --",
            "{{title}} {{{content}}} ${7*7} %s %n",
            "Góp ý 👍🏽 về thủ tục 🇻🇳 nhanh hơn 🙏 👨‍👩‍👧",
            "Nguye\u{0302}\u{0303}n Va\u{0306}n A\u{0300}nh phản ánh",  // NFD
        ])
    func hostileText(_ text: String) throws {
        // setup
        var draft = DomainTestIntake.individual()
        draft.name = text
        draft.title = text
        draft.content = text

        // MUT
        let petition = try #require(DomainTestIntake.accepted(draft))

        // validate
        let stored = domainTestScalars(VietnameseText.normalized(text))
        #expect(domainTestScalars(petition.submitter.name) == stored)
        #expect(domainTestScalars(petition.title) == stored)
        #expect(domainTestScalars(petition.content) == stored)
    }

    @Test func hundredKilobytesOfVietnamese() throws {
        // setup
        let sentence = "Người dân phản ánh việc chậm giải quyết hồ sơ đất đai ở xã Đồng Tâm, huyện Mỹ Đức.\n"
        let content = String(repeating: sentence, count: 100_000 / sentence.utf8.count + 1)
            .trimmingSuffixNewline()
        #expect(content.utf8.count > 100_000)
        let draft = DomainTestIntake.setting("content", to: content)

        // MUT
        let petition = try #require(DomainTestIntake.accepted(draft))

        // validate
        #expect(domainTestScalars(petition.content) == domainTestScalars(content))
    }

    @Test func textIsTrimmed() throws {
        // setup
        var draft = DomainTestIntake.individual()
        draft.name = "  Nguyễn Văn An \n"
        draft.address = "\tSố 1 Hoàng Hoa Thám, Ba Đình, Hà Nội  "
        draft.phone = " 0912 345 678 "
        draft.title = "  Chậm cấp sổ đỏ  "
        draft.content = "\n\n  Hồ sơ nộp từ tháng 3 đến nay chưa có kết quả.  \n\n"

        // MUT
        let petition = try #require(DomainTestIntake.accepted(draft))

        // validate
        #expect(petition.submitter.name == "Nguyễn Văn An")
        #expect(petition.submitter.address == "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội")
        #expect(petition.submitter.phone == "0912 345 678")
        #expect(petition.title == "Chậm cấp sổ đỏ")
        #expect(petition.content == "Hồ sơ nộp từ tháng 3 đến nay chưa có kết quả.")
    }
}

extension String {
    fileprivate func trimmingSuffixNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}

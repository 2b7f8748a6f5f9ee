import Foundation
import LangNgheCore
import Testing

/// Masks that name the kind, so that expected texts say what was there.
private func codeMask(_ kind: PersonalDataFinding.Kind) -> String {
    "[\(kind.code)]"
}

/// The text with everything the detector finds masked.
private func redactedAll(_ text: String) -> String {
    Redaction.apply(PersonalDataDetector.findings(in: text), to: text, mask: codeMask)
}

/// Code points, since `String ==` treats NFC and NFD forms as equal.
private func scalars(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}

private let mixedText =
    "Tôi là Nguyễn Văn An, CCCD 001085012345, SĐT 0912 345 678, email an.nguyen@gmail.com. "
    + "Công ty tôi (MST 0101234567-001) đề nghị hoàn 1.500.000 đồng vào STK 19031234567890 theo "
    + "Nghị định 92/2017/NĐ-CP; hồ sơ PAKN-2026-000123 nộp ngày 12/03/2025."

private let mixedTextRedacted =
    "Tôi là Nguyễn Văn An, CCCD [national_id], SĐT [phone], email [email]. "
    + "Công ty tôi (MST [tax_code]) đề nghị hoàn 1.500.000 đồng vào STK [bank_account] theo "
    + "Nghị định 92/2017/NĐ-CP; hồ sơ PAKN-2026-000123 nộp ngày 12/03/2025."

@Suite("Redaction: masks what the approver chose, keeps everything else as it was")
struct RedactionTests {
    @Test func masksEveryFindingAndNothingElse() {
        #expect(scalars(redactedAll(mixedText)) == scalars(mixedTextRedacted))
    }

    @Test func masksAreTheCallersWording() {
        // setup: the app words masks per language by kind
        let text = "Gọi 0912 345 678 hoặc viết an@gmail.com"
        let vietnamese: (PersonalDataFinding.Kind) -> String = { kind in
            kind == .phone ? "[số điện thoại đã ẩn]" : "[thư điện tử đã ẩn]"
        }

        // MUT
        let redacted = Redaction.apply(PersonalDataDetector.findings(in: text), to: text, mask: vietnamese)

        // validate
        #expect(redacted == "Gọi [số điện thoại đã ẩn] hoặc viết [thư điện tử đã ẩn]")
    }

    @Test func onlyTheChosenFindingsAreMasked() {
        // setup: the approver keeps the company's tax code public and masks the rest
        let chosen = PersonalDataDetector.findings(in: mixedText).filter { $0.kind != .taxCode }

        // MUT
        let redacted = Redaction.apply(chosen, to: mixedText, mask: codeMask)

        // validate
        #expect(redacted.contains("(MST 0101234567-001)"))
        #expect(PersonalDataDetector.findings(in: redacted).map(\.kind) == [.taxCode])
    }

    @Test func noFindingsLeavesTheTextAsItWas() {
        let text = "Kính gửi Văn phòng Chính phủ 🙏, theo Nghị định 92/2017/NĐ-CP ngày 12/03/2025."
        #expect(scalars(Redaction.apply([], to: text, mask: codeMask)) == scalars(text))
        #expect(scalars(redactedAll(text)) == scalars(text))
    }

    @Test(
        "Idempotent: nothing is left to find, and redacting again changes nothing",
        arguments: [
            mixedText,
            "0912345678@gmail.com, +84 912 345 678, (024) 3825 1234, ten [at] gmail [dot] com",
            "CCCD 079 185 012 345; STK 1903 1234 5678 90; MST 0312345678-001; 84912345678",
            "SĐT0912345678MST0101234567",
            "0912345678/0987654321-0901234567.0933333333",
        ])
    func idempotent(_ text: String) {
        let once = redactedAll(text)
        #expect(PersonalDataDetector.findings(in: once).isEmpty)
        #expect(scalars(redactedAll(once)) == scalars(once))
    }

    @Test func decomposedTextGivesTheSameFindingsAndStaysDecomposed() {
        // setup: the same text typed with combining marks
        let decomposed = mixedText.decomposedStringWithCanonicalMapping
        #expect(scalars(decomposed) != scalars(mixedText))

        // MUT
        let findings = PersonalDataDetector.findings(in: decomposed)
        let redacted = Redaction.apply(findings, to: decomposed, mask: codeMask)

        // validate: same findings, and the rest of the text is still NFD, scalar for scalar
        #expect(findings.map(\.text) == PersonalDataDetector.findings(in: mixedText).map(\.text))
        #expect(findings.map(\.kind) == PersonalDataDetector.findings(in: mixedText).map(\.kind))
        #expect(scalars(redacted) == scalars(mixedTextRedacted.decomposedStringWithCanonicalMapping))
    }

    @Test func emojiAroundFindingsStayWhole() {
        // setup: a phone glued to emoji, a family (ZWJ sequence), a flag, a skin tone, a keycap
        let text = "📞0912 345 678👍🏽 gia đình 👨‍👩‍👧 🇻🇳 an@vnpt.vn✉️ 1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣"

        // MUT
        let findings = PersonalDataDetector.findings(in: text)
        let redacted = Redaction.apply(findings, to: text, mask: codeMask)

        // validate: keycap digits are one digit each, not a number
        #expect(findings.map(\.text) == ["0912 345 678", "an@vnpt.vn"])
        #expect(scalars(redacted) == scalars("📞[phone]👍🏽 gia đình 👨‍👩‍👧 🇻🇳 [email]✉️ 1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣"))
    }

    @Test func aMarkOnTheLastDigitIsKept() {
        // setup: a combining accent on the last digit; the finding ends inside that Character
        let text = "số 0912345678\u{0301} nhé"

        // MUT
        let findings = PersonalDataDetector.findings(in: text)
        let redacted = Redaction.apply(findings, to: text, mask: codeMask)

        // validate: the digits go, the mark stays, scalar for scalar
        #expect(findings.map(\.text) == ["0912345678"])
        #expect(scalars(redacted) == scalars("số [phone]\u{0301} nhé"))
    }

    @Test func staleAndRepeatedFindingsAreSkipped() {
        // setup: findings of one version of the text, applied to another
        let original = "SĐT 0912345678, email an@gmail.com"
        let edited = "SĐT 0987654321, email an@gmail.com"
        let findings = PersonalDataDetector.findings(in: original)

        // MUT + validate: the phone no longer holds its text and is left; the e-mail is masked once
        #expect(Redaction.apply(findings + findings, to: edited, mask: codeMask) == "SĐT 0987654321, email [email]")
        // findings beyond the end of a shorter text are skipped, not a crash
        #expect(Redaction.apply(findings, to: "SĐT", mask: codeMask) == "SĐT")
    }

    @Test func longInputIsReadToTheEnd() {
        // setup: about 1 MB of petition text with findings at the start, in the middle and at the end
        let paragraph =
            "Người dân phản ánh việc chậm giải quyết hồ sơ theo Nghị định 92/2017/NĐ-CP ngày 12/03/2025, lệ phí 1.500.000 đồng. 🙏\n"
        let filler = String(repeating: paragraph, count: 4_000)
        let text = "0912 345 678 " + filler + "an@gmail.com " + filler + "CCCD 001085012345"

        // MUT
        let findings = PersonalDataDetector.findings(in: text)

        // validate
        #expect(text.utf8.count > 1_000_000)
        #expect(findings.map(\.text) == ["0912 345 678", "an@gmail.com", "001085012345"])
        #expect(findings.last?.range.upperBound == text.endIndex)
        #expect(redactedAll(text) == "[phone] " + filler + "[email] " + filler + "CCCD [national_id]")
    }

    @Test(
        "Degenerate long input finds nothing and does not crash",
        arguments: [
            String(repeating: "1", count: 200_000),
            String(repeating: "@", count: 100_000),
            String(repeating: "a@", count: 50_000),
            String(repeating: "[at]", count: 30_000),
            String(repeating: "0912 ", count: 40_000),
            String(repeating: "+84", count: 40_000),
            String(repeating: "\u{0301}", count: 50_000),
        ])
    func degenerate(_ text: String) {
        #expect(PersonalDataDetector.findings(in: text).isEmpty)
    }
}

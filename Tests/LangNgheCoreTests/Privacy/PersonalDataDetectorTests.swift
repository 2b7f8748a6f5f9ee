import Foundation
import LangNgheCore
import Testing

/// The findings of a text as "code:text", the easiest form to compare and read in a failure.
private func found(_ text: String) -> [String] {
    PersonalDataDetector.findings(in: text).map { "\($0.kind.code):\($0.text)" }
}

@Suite("Personal data detector: what is flagged before publication")
struct PersonalDataDetectorTests {
    @Test(
        "Phone numbers in every common written form",
        arguments: [
            "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "091 234 5678", "0352 123 456",
            "+84 912 345 678", "+84912345678", "(+84) 912345678", "(84) 912 345 678", "84912345678",
            "+84 0912 345 678",
            "024 3825 1234", "028.3822.1234", "(024) 3825 1234", "(028)38221234", "02438251234", "+84 24 3825 1234",
            "842438251234",
            "01234567890",  // an 11-digit mobile from before 2018, still in old letters
            "0912\u{00A0}345\u{00A0}678",  // no-break spaces, pasted from a word processor
        ])
    func phone(_ number: String) {
        #expect(found("Xin liên hệ \(number) để biết thêm.") == ["phone:\(number)"])
    }

    @Test(
        "E-mail addresses, also in the bracketed forms people use against robots",
        arguments: [
            "nguyenvana@gmail.com", "tran.thi.b+pakn@example.com.vn", "le_van_c@hanoi.gov.vn", "NGUYEN@GMAIL.COM",
            "an-nguyen99@sub.domain.vn", "ten [at] gmail.com", "ten(at)gmail.com", "ten [AT] gmail [dot] com",
            "ten[@]gmail(.)com", "nguyễnvăn@gmail.com",
        ])
    func email(_ address: String) {
        #expect(found("Thư điện tử: \(address) (thường xuyên).") == ["email:\(address)"])
        #expect(found("\(address).") == ["email:\(address)"], "a full stop after the address ends the sentence")
    }

    @Test(
        "National ID, tax code and account numbers, by shape or by the label before them",
        arguments: [
            ("CCCD số 001085012345 cấp ngày 01/02/2021", "national_id:001085012345"),
            ("căn cước 079 185 012 345", "national_id:079 185 012 345"),
            ("số 001085012345", "national_id:001085012345"),
            ("CMND 012345678", "national_id:012345678"),
            ("chứng minh nhân dân 271234567", "national_id:271234567"),
            ("mã doanh nghiệp 0101234567", "tax_code:0101234567"),
            ("chi nhánh 0312345678-001", "tax_code:0312345678-001"),
            ("MST 0312345678", "tax_code:0312345678"),  // 03… is also a mobile prefix: the label decides
            ("Mã số thuế: 8012345678", "tax_code:8012345678"),
            ("mã số thuế cá nhân 001085012345", "tax_code:001085012345"),
            ("STK 19031234567890 tại Techcombank", "bank_account:19031234567890"),
            ("Số tài khoản: 1903 1234 5678 90", "bank_account:1903 1234 5678 90"),
            ("Số tài khoản ngân hàng của tôi: 1903 1234 5678 90", "bank_account:1903 1234 5678 90"),
            ("STK: 0912345678", "bank_account:0912345678"),  // accounts named after a phone number
            ("tài khoản 12345678", "bank_account:12345678"),
            ("số 9704123456789012345", "bank_account:9704123456789012345"),
            ("số 5123456789", "tax_code:5123456789"),
        ])
    func numbers(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test(
        "Not personal data: dates, document numbers, amounts, years, codes, articles, percentages",
        arguments: [
            "ngày 12/03/2025", "ngày 2025-03-12", "ngày 12.03.2025", "ngày 05-03-2025", "Hà Nội, ngày 12 tháng 03 năm 2025",
            "Nghị định 20/2008/NĐ-CP", "Nghị định 92/2017/NĐ-CP", "Quyết định 574/QĐ-TTg", "Công văn 8726/VPCP-KGVX",
            "Thông tư 01/2025/TT-BTC ngày 12/03/2025", "Luật số 91/2015/QH13", "Quyết định số 1234/QĐ-UBND",
            "1.500.000 đồng", "2,5 tỷ", "1.500.000.000 đồng", "1.500.000.000", "1 500 000 000 đồng", "1500000000 đồng",
            "150000000đ", "2000000000 VNĐ", "số tài khoản nhận 1.500.000.000 đồng",
            "năm 2025", "giai đoạn 2021-2025", "PAKN-2026-000123", "PAKN-2026-1234567", "hồ sơ 000.00.16.H26-250312-0001",
            "Điều 7 khoản 4", "Điều 7 khoản 4 Nghị định 20/2008/NĐ-CP", "tăng 12,5%", "100%", "12345678901%",
            "lúc 09:30", "ngày 05.03.2025 09 giờ", "điểm 09 10 08 07 09", "phòng 0301, 0302", "192.168.1.1",
            "@nguyenvana", "nguyen@localhost", "a@b.c", "@", "đường dây nóng 1900 1234",
        ])
    func notPersonalData(_ text: String) {
        #expect(found(text) == [])
    }

    @Test func mixedVietnameseTextHasEachFindingAtItsPlace() {
        // setup
        let text =
            "Tôi là Nguyễn Văn An, CCCD 001085012345, SĐT 0912 345 678, email an.nguyen@gmail.com. "
            + "Công ty tôi (MST 0101234567-001) đề nghị hoàn 1.500.000 đồng vào STK 19031234567890 theo "
            + "Nghị định 92/2017/NĐ-CP; hồ sơ PAKN-2026-000123 nộp ngày 12/03/2025."

        // MUT
        let findings = PersonalDataDetector.findings(in: text)

        // validate: kind, text and offset in characters, in order
        let seen = findings.map { finding in
            (
                finding.kind, finding.text, text.distance(from: text.startIndex, to: finding.range.lowerBound),
                text.distance(from: finding.range.lowerBound, to: finding.range.upperBound)
            )
        }
        let expected: [(PersonalDataFinding.Kind, String, Int, Int)] = [
            (.nationalID, "001085012345", 27, 12),
            (.phone, "0912 345 678", 45, 12),
            (.email, "an.nguyen@gmail.com", 65, 19),
            (.taxCode, "0101234567-001", 103, 14),
            (.bankAccount, "19031234567890", 155, 14),
        ]
        #expect(seen.count == expected.count)
        for (got, want) in zip(seen, expected) {
            #expect(got == want)
        }
        for finding in findings {
            #expect(String(text.unicodeScalars[finding.range]) == finding.text)
        }
    }

    @Test(
        "Overlaps: the longest reading wins",
        arguments: [
            ("0912345678@gmail.com", "email:0912345678@gmail.com"),
            ("+84912345678", "phone:+84912345678"),
            ("(+84) 912345678", "phone:(+84) 912345678"),
            ("0312345678-001", "tax_code:0312345678-001"),
        ])
    func overlaps(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test func eachNumberHasItsOwnLabel() {
        #expect(
            found("CCCD 001085012345, SĐT 0912345678, STK 0987654321") == [
                "national_id:001085012345", "phone:0912345678", "bank_account:0987654321",
            ])
        // The nearest label wins.
        #expect(found("CCCD và SĐT 0912345678") == ["phone:0912345678"])
        // A label that cannot fit the number is ignored: nine digits are no phone number.
        #expect(found("SĐT 012345678") == ["national_id:012345678"])
    }

    @Test func severalNumbersInARow() {
        #expect(found("0912345678/0987654321") == ["phone:0912345678", "phone:0987654321"])
        #expect(found("0912345678-0987654321") == ["phone:0912345678", "phone:0987654321"])
        #expect(found("năm 2025 0912 345 678 2 người") == ["phone:0912 345 678"])
        #expect(found("0912 345 678, 024.3825.1234; a@b.vn") == ["phone:0912 345 678", "phone:024.3825.1234", "email:a@b.vn"])
    }

    @Test func lettersAroundNumbersDoNotHideThem() {
        #expect(found("SĐT:0912345678") == ["phone:0912345678"])
        #expect(found("SĐT0912345678, MST0101234567") == ["phone:0912345678", "tax_code:0101234567"])
        #expect(found("(0912345678)") == ["phone:0912345678"])
    }

    @Test func labelsAreReadInAnyCaseAndNormalisationForm() {
        for label in ["Số tài khoản", "SỐ TÀI KHOẢN", "Số tài khoản".decomposedStringWithCanonicalMapping, "so tai khoan"] {
            #expect(found("\(label): 0912345678") == ["bank_account:0912345678"], "\(label)")
        }
    }

    @Test func findingsAreInOrderAndDoNotOverlap() {
        let text = String(repeating: "0912345678@gmail.com +84 912 345 678 0312345678-001 STK 1903 1234 5678 90; ", count: 50)
        let findings = PersonalDataDetector.findings(in: text)
        #expect(findings.count == 200)
        for (a, b) in zip(findings, findings.dropFirst()) {
            #expect(a.range.upperBound <= b.range.lowerBound)
        }
    }

    @Test func kindCodesAreStable() {
        #expect(
            PersonalDataFinding.Kind.allCases.map(\.code) == [
                "phone", "email", "national_id", "tax_code", "bank_account", "name", "address",
            ])
        for kind in PersonalDataFinding.Kind.allCases {
            #expect(PersonalDataFinding.Kind(code: kind.code) == kind)
        }
        #expect(PersonalDataFinding.Kind(code: "nationalID") == nil)
    }
}

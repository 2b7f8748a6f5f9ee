import Foundation
import Testing

@testable import LangNgheCore

/// Issue 14 §2–3: mail as it goes on the wire, SMS within one segment.
@Suite struct MessageTextTests {
    @Test func vietnameseLosesItsDiacriticsForGSM7() {
        #expect(SMSText.gsm7("Kiến nghị về Đường Trần Hưng Đạo, Đà Nẵng") == "Kien nghi ve Duong Tran Hung Dao, Da Nang")
        #expect(SMSText.gsm7("Giá 100€ — xong ✓") == "Gia 100€ ? xong ?")
        // Every diacritic goes, even those GSM-7 could carry; GSM-7's own symbols stay.
        #expect(SMSText.gsm7("café @ 5 giờ, £2") == "cafe @ 5 gio, £2")
        #expect(SMSText.gsm7("dấu ` và ~") == "dau ? va ~")
    }

    @Test func segmentsAreCountedInTheRightAlphabet() {
        #expect(SMSText.segments(String(repeating: "a", count: 160)) == 1)
        #expect(SMSText.segments(String(repeating: "a", count: 161)) == 2)
        // An extension character takes two septets.
        #expect(SMSText.segments(String(repeating: "€", count: 80)) == 1)
        #expect(SMSText.segments(String(repeating: "€", count: 81)) == 2)
        // With diacritics: UCS-2, 70 in one.
        #expect(SMSText.segments(String(repeating: "ế", count: 70)) == 1)
        #expect(SMSText.segments(String(repeating: "ế", count: 71)) == 2)
        let receipt = SMSText.gsm7("LangNghe: Đã tiếp nhận PAKN PAKN-2026-000123. https://langnghe.gov.vn/tra-cuu?ma=PAKN-2026-000123")
        #expect(SMSText.segments(receipt) == 1)
    }

    func decode(_ header: String) -> String {
        header.components(separatedBy: "\r\n ").map { word in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined()
    }

    @Test func subjectsAreEncodedWordsThatNeverSplitACharacter() {
        #expect(MailMessage.encodedWord("Petition received") == "Petition received")
        let subject = "Dự thảo trả lời chờ phê duyệt: PAKN-2026-000123 — Bộ Tài chính, Hà Nội, Đà Nẵng"
        let encoded = MailMessage.encodedWord(subject)
        for word in encoded.components(separatedBy: "\r\n ") {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
        }
        #expect(decode(encoded) == subject)
    }

    @Test func aMessageHasEveryHeaderAndShortLines() {
        let message = MailMessage(
            messageID: "0b1f@langnghe.gov.vn", from: "no-reply@langnghe.gov.vn", fromName: "LangNghe", to: "an@example.vn",
            subject: "Đã tiếp nhận PAKN-2026-000001", text: String(repeating: "Nội dung dài. ", count: 40) + "\n.\n",
            html: "<p>Nội dung</p>", unsubscribe: "https://langnghe.gov.vn/can-bo/thong-bao",
            date: Date(timeIntervalSince1970: 1_780_000_000))
        let raw = message.rendered()
        #expect(raw.contains("Message-ID: <0b1f@langnghe.gov.vn>\r\n"))
        #expect(raw.contains("List-Unsubscribe: <https://langnghe.gov.vn/can-bo/thong-bao>\r\n"))
        #expect(raw.contains("Date: Thu, 28 May 2026 20:26:40 +0000\r\n"))
        #expect(raw.contains("Content-Type: text/plain; charset=UTF-8"))
        let lines = raw.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(lines.filter { !$0.hasPrefix("Subject") && !$0.hasPrefix("Content-Type: multipart") }.allSatisfy { $0.utf8.count <= 78 })
        // The same notification gives the same bytes (a retry sends the same message).
        #expect(raw == message.rendered())
        // Mail for the submitter has no unsubscribe link.
        var receipt = message
        receipt.unsubscribe = nil
        #expect(!receipt.rendered().contains("List-Unsubscribe"))
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// A tiny valid PNG (1×1), and an ELF executable header.
let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)
let elfBytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 64)

let validFormFields: [(String, String)] = [
    ("submitterType", "individual"), ("name", "Trần Thị Bình"), ("address", "Số 5 Lê Lợi, Phường Hoàn Kiếm, Hà Nội"),
    ("phone", "+84 912 000 111"), ("email", "binh@example.vn"), ("category", "regulation"), ("field", "tax-fees"),
    ("agencyCode", "BTC"), ("title", "Thủ tục hoàn thuế giá trị gia tăng quá phức tạp"),
    ("content", "Kiến nghị đơn giản hoá hồ sơ hoàn thuế giá trị gia tăng cho hộ kinh doanh nhỏ."), ("publishName", "on"),
]

@Suite struct WebIntakeTests {
    @Test func homePageExplainsTheServiceInBothLanguages() async throws {
        try await withApp { client, _ in
            let browser = Browser(client)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Khiếu nại, tố cáo"))
            #expect(home.text.contains("href=\"/gui-phan-anh?loai=nguoi-dan\""))
            #expect(home.text.contains("href=\"/gui-phan-anh?loai=doanh-nghiep\""))
            #expect(home.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(home.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(home.headers[.referrerPolicy] == "same-origin")

            let english = try await browser.get("/?lang=en")
            #expect(english.text.contains("Complaints and denunciations"))
            #expect(browser.cookies["lang"] == "en")
            // The choice is remembered by the cookie.
            #expect(try await browser.get("/gui-phan-anh").text.contains("Send feedback or a petition"))
            let css = try await browser.get("/static/site.css")
            #expect(css.status == .ok)
        }
    }

    @Test func aPetitionSentThroughTheFormGetsAReceipt() async throws {
        try await withApp { client, store in
            let browser = Browser(client)
            let form = try await browser.get("/gui-phan-anh?loai=nguoi-dan")
            let token = try #require(Browser.csrfToken(in: form.text))
            let receipt = try await browser.post(
                "/gui-phan-anh", fields: validFormFields, files: [("attachments", "anh.png", pngBytes)], csrf: token)
            // Post, redirect, get: the receipt is a page of its own, and reloading it files nothing.
            #expect(receipt.status == .seeOther)
            #expect(receipt.headers[.location] == Site.receipt.path)
            #expect(receipt.headers[.setCookie]?.contains("HttpOnly") == true)
            let shown = try await browser.get(Site.receipt.path)
            #expect(shown.status == .ok)
            #expect(shown.headers[.cacheControl] == "no-store")
            let code = try #require(shown.text.firstMatch(of: /PAKN-\d{4}-\d{6}/).map { String($0.output) })
            // The key in groups of four, so that a line breaks between groups; typed back with
            // its spaces, it opens the petition.
            let grouped = try #require(
                shown.text.firstMatch(of: /class="big key">([0-9A-Z]{4}(?: [0-9A-Z]{1,4}){6})</).map { String($0.output.1) })
            let unlocked = try await browser.post(
                Site.track.path, fields: [("ma", code), ("khoa", grouped)],
                csrf: Browser.csrfToken(in: try await browser.get(Site.tracking(code)).text))
            #expect(unlocked.status == .ok && unlocked.text.contains("Trần Thị Bình"), "\(unlocked.status) \(grouped)")
            let reloaded = try await browser.get(Site.receipt.path)
            #expect(reloaded.text.contains(code))
            #expect(try await store.petitionCount() == 1)
            // Without the sealed cookie (another browser, or a forged one) there is no receipt.
            #expect(try await Browser(client).get(Site.receipt.path).headers[.location] == Site.track.path)
            let forged = try await client.execute(
                uri: Site.receipt.path, method: .get, headers: [.cookie: "receipt=AAAA" + String(repeating: "B", count: 80)])
            #expect(forged.headers[.location] == Site.track.path)
            let trackingCode = try #require(TrackingCode(code))
            let stored = try #require(try await store.petition(trackingCode))
            #expect(stored.channel == .web)
            #expect(stored.submitter.phone == "+84 912 000 111")
            #expect(stored.publishName)
            #expect(stored.attachments.map(\.mediaType) == ["image/png"])
        }
    }

    @Test func aFormWithErrorsComesBackFilledIn() async throws {
        try await withApp { client, store in
            let browser = Browser(client)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/gui-phan-anh").text))
            var fields = validFormFields.filter { $0.0 != "phone" }
            fields.append(("phone", ""))
            let response = try await browser.post("/gui-phan-anh", fields: fields, csrf: token, multipart: true)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("value=\"Trần Thị Bình\""))
            #expect(response.text.contains("Kiến nghị đơn giản hoá hồ sơ hoàn thuế"))
            #expect(response.text.contains("<option value=\"BTC\" selected>"))
            #expect(response.text.contains("Vui lòng nhập mục này."))
            #expect(response.text.contains("Số điện thoại"))
            #expect(try await store.petitionCount() == 0)
        }
    }

    /// Issue 10 §2: each error is tied to its field for screen readers, the summary takes the
    /// focus and links to the fields, choices are grouped under a legend and ask to choose.
    @Test func errorsAreTiedToTheirFields() async throws {
        try await withApp { client, _ in
            let browser = Browser(client)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/gui-phan-anh").text))
            let fields = validFormFields.filter { !["phone", "category", "submitterType"].contains($0.0) } + [("phone", "12")]
            let page = try await browser.post("/gui-phan-anh", fields: fields, csrf: token, multipart: true).text
            #expect(page.contains(#"id="phone" name="phone""#))
            #expect(page.contains(#"aria-invalid="true" aria-describedby="phone-error""#))
            #expect(page.contains(#"<p class="error" id="phone-error">"#))
            #expect(page.contains(#"tabindex="-1" autofocus"#))
            #expect(page.contains(##"<a href="#phone">"##) && page.contains(##"<a href="#category-conduct">"##))
            #expect(page.contains(#"<legend class="label">"#) && page.contains(#"aria-describedby="category-error""#))
            #expect(page.contains("Vui lòng chọn một mục."))
            // Every described-by names an element that exists.
            for match in page.matches(of: /aria-describedby="([^"]+)"/) { #expect(page.contains(#"id="\#(match.1)""#)) }
            // The business fields are marked to be hidden for individuals.
            #expect(page.contains(#"class="org organization-only""#))
        }
    }

    @Test func formsWithoutTheirCSRFTokenAreRefused() async throws {
        try await withApp { client, store in
            let browser = Browser(client)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/gui-phan-anh").text))
            let missing = try await browser.post("/gui-phan-anh", fields: validFormFields)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Biểu mẫu đã hết hạn"))
            let forged = try await browser.post("/gui-phan-anh", fields: validFormFields, csrf: "forged" + token.dropFirst(6))
            #expect(forged.status == .forbidden)
            // A token from another visitor's cookie does not fit this visitor's cookie.
            let other = Browser(client)
            let otherToken = try #require(Browser.csrfToken(in: try await other.get("/gui-phan-anh").text))
            #expect(try await browser.post("/gui-phan-anh", fields: validFormFields, csrf: otherToken).status == .forbidden)
            #expect(try await browser.post("/tra-cuu", fields: [("ma", "PAKN-2026-000001")]).status == .forbidden)
            #expect(try await store.petitionCount() == 0)
        }
    }

    @Test func anExecutableRenamedPDFIsRefused() async throws {
        try await withApp { client, store in
            let browser = Browser(client)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/gui-phan-anh").text))
            let web = try await browser.post(
                "/gui-phan-anh", fields: validFormFields, files: [("attachments", "hoso.pdf", elfBytes)], csrf: token)
            #expect(web.status == .unprocessableContent)
            #expect(web.text.contains("kiểm tra theo nội dung tệp"))

            let api = try await Browser(client).post(
                "/api/v1/petitions",
                fields: [("petition", String(decoding: try JSONSerialization.data(withJSONObject: petitionJSON()), as: UTF8.self))],
                files: [("attachments", "hoso.pdf", elfBytes)])
            #expect(api.status == .unprocessableContent)
            let fields = (try api.json()["error"] as? [String: Any])?["fields"] as? [String: String]
            #expect(fields?.keys.contains("attachments") == true)
            #expect(try await store.petitionCount() == 0)

            let six = (0..<6).map { ("attachments", "a\($0).png", pngBytes) }
            let tooMany = try await Browser(client).post(
                "/api/v1/petitions",
                fields: [("petition", String(decoding: try JSONSerialization.data(withJSONObject: petitionJSON()), as: UTF8.self))],
                files: six)
            #expect(tooMany.status == .unprocessableContent)
        }
    }

    @Test func theSubmitterSeesTheirDetailsOnlyWithTheAccessKey() async throws {
        try await withApp { client, _ in
            let api = try await Browser(client).post(
                "/api/v1/petitions",
                fields: [("petition", String(decoding: try JSONSerialization.data(withJSONObject: petitionJSON()), as: UTF8.self))],
                files: [("attachments", "giay-to.png", pngBytes)])
            #expect(api.status == .created)
            let receipt = try api.json()
            let code = try #require(receipt["trackingCode"] as? String)
            let key = try #require(receipt["accessKey"] as? String)

            let browser = Browser(client)
            let page = try await browser.get("/tra-cuu?ma=\(code.lowercased())")
            #expect(page.status == .ok)
            // Before an answer is published the public sees the status, never the title.
            #expect(!page.text.contains("Chậm cấp sổ đỏ tại phường Sài Gòn"))
            #expect(page.text.contains("Nội dung chưa công bố"))
            #expect(page.text.contains("Đã tiếp nhận"))
            #expect(!page.text.contains("0912 345 678"))
            #expect(!page.text.contains("Nguyễn Văn An"))
            let token = try #require(Browser.csrfToken(in: page.text))

            let wrong = try await browser.post("/tra-cuu", fields: [("ma", code), ("khoa", "ABCDEFGHJKMNPQRSTVWXYZ0123")], csrf: token)
            #expect(wrong.status == .forbidden)
            #expect(!wrong.text.contains("0912 345 678"))

            let right = try await browser.post("/tra-cuu", fields: [("ma", code), ("khoa", key)], csrf: token)
            #expect(right.status == .ok)
            #expect(right.text.contains("0912 345 678"))
            #expect(right.text.contains("Nguyễn Văn An"))
            #expect(right.text.contains("Chậm cấp sổ đỏ tại phường Sài Gòn"))
            #expect(right.text.contains("giay-to.png"))

            let file = try await browser.post("/tra-cuu/tep", fields: [("ma", code), ("khoa", key), ("id", "1")], csrf: token)
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == pngBytes)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let stolen = try await browser.post("/tra-cuu/tep", fields: [("ma", code), ("khoa", "nope"), ("id", "1")], csrf: token)
            #expect(stolen.status == .forbidden)

            let missing = try await browser.get("/tra-cuu?ma=PAKN-2020-000009")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Không tìm thấy PAKN"))
        }
    }
}

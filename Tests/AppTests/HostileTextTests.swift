import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Hostile and unusual text is stored exactly (as NFC) and rendered inert on every page, in text
/// and in attribute positions.
@Suite struct HostileTextTests {
    static let script = "<script>alert('xss')</script>"
    static let attribute = "\"><img src=x onerror=alert(1)>"
    static let sql = "'; DROP TABLE petitions; -- \" OR 1=1"
    static let emoji = "Đường 🚧 xấu 😡"
    /// "Nguyễn" typed with combining marks (NFD).
    static let decomposed = "Nguye\u{0302}\u{0303}n Hue\u{0302}\u{0323}"

    static var hostileTitle: String { attribute + " " + script }
    static var hostileContent: String {
        [script, attribute, sql, emoji, decomposed].joined(separator: "\n")
            + "\n" + String(repeating: "Kiến nghị sửa đổi quy định về cấp sổ đỏ. ", count: 2_500)
    }

    @Test func hostileTextIsStoredExactlyAndRenderedInert() async throws {
        try await withApp { client, store in
            // setup
            let body = petitionJSON { body in
                body["title"] = Self.hostileTitle
                body["content"] = Self.hostileContent
                var submitter = body["submitter"] as! [String: Any]
                submitter["name"] = Self.decomposed + " " + Self.script
                submitter["address"] = Self.sql + " " + Self.attribute
                body["submitter"] = submitter
            }
            #expect(Self.hostileContent.utf8.count > 100_000)
            // MUT
            let created = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(body))
            #expect(created.status == .created)
            let receipt = try created.json()
            let code = try #require(receipt["trackingCode"] as? String)
            let key = try #require(receipt["accessKey"] as? String)

            // validate: stored exactly, as NFC
            let trackingCode = try #require(TrackingCode(code))
            let stored = try #require(try await store.petition(trackingCode))
            #expect(stored.title == Self.hostileTitle)
            // Compared as a Bool: a failure must not print 100 kB.
            let exact = stored.content == VietnameseText.normalized(Self.hostileContent).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(exact, "content not stored exactly (leading and trailing blanks are trimmed)")
            #expect(stored.content.contains("Nguyễn Huệ"))
            #expect(stored.submitter.name == "Nguyễn Huệ " + Self.script)
            #expect(stored.submitter.address == Self.sql + " " + Self.attribute)

            // validate: inert wherever it is shown
            let browser = Browser(client)
            let tracking = try await browser.get("/tra-cuu?ma=\(code)")
            Self.expectInert(tracking.text)
            let token = try #require(Browser.csrfToken(in: tracking.text))
            let details = try await browser.post("/tra-cuu", fields: [("ma", code), ("khoa", key)], csrf: token)
            #expect(details.status == .ok)
            Self.expectInert(details.text)
            #expect(details.text.contains("Nguyễn Huệ &lt;script&gt;"))
            #expect(details.text.contains("&lt;img src=x"))

            // The form coming back puts the text in value="…" attributes and in the textarea.
            var fields = validFormFields.filter { !["name", "title", "content", "phone"].contains($0.0) }
            fields += [
                ("name", Self.attribute), ("title", Self.hostileTitle), ("content", Self.script + Self.attribute),
                ("phone", Self.attribute),
            ]
            let form = try await browser.post("/gui-phan-anh", fields: fields, csrf: token, multipart: true)
            #expect(form.status == .unprocessableContent)
            Self.expectInert(form.text)
            #expect(form.text.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""))

            // The JSON API returns the text exactly (JSON escaping, not HTML).
            let json = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get, headers: [.xAccessKey: key]).json()
            #expect(json["submittedTitle"] as? String == Self.hostileTitle)
        }
    }

    static func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img src=x"), sourceLocation: sourceLocation)
        #expect(!html.contains("\"><img"), sourceLocation: sourceLocation)
        #expect(!html.contains("onerror=alert(1)>"), sourceLocation: sourceLocation)
    }
}

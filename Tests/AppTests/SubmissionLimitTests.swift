import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import Testing

@testable import App

/// Submissions are limited per client address and per sender (issue 9 §2): a clear 429 with
/// `Retry-After`, the web form back filled in, the clerk's intake exempt, no phone or address
/// in the table that counts.
@Suite struct SubmissionLimitTests {
    static let limited = Settings(
        environment: .testing, figuresCacheSeconds: 0, submissionsPerAddressPerHour: 3, submissionsPerSenderPerDay: 2)

    @Test func perSenderAndPerAddress() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now }), settings: Self.limited) { client, store in
            func submit(phone: String, email: String = "") async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/petitions", method: .post, headers: jsonHeaders,
                    body: jsonBuffer(
                        petitionJSON { body in
                            var submitter = body["submitter"] as? [String: Any] ?? [:]
                            submitter["phone"] = phone
                            submitter["email"] = email
                            body["submitter"] = submitter
                        }))
            }
            #expect(try await submit(phone: "0912 345 678").status == .created)
            // The same sender however the number is written.
            #expect(try await submit(phone: "+84 912.345.678").status == .created)
            let sender = try await submit(phone: "0912-345-678")
            #expect(sender.status == .tooManyRequests)
            #expect((try sender.json()["error"] as? [String: Any])?["code"] as? String == "rateLimited")
            let wait = try #require(Int(sender.headers[.retryAfter] ?? ""))
            #expect(wait > 23 * 3600 && wait <= 24 * 3600)
            #expect(try await store.petitionCount() == 2)

            // Another sender from the same address: the third of the hour, then refused.
            #expect(try await submit(phone: "0987 654 321", email: "b@example.vn").status == .created)
            let address = try await submit(phone: "0977 111 222")
            #expect(address.status == .tooManyRequests)
            #expect(Int(address.headers[.retryAfter] ?? "").map { $0 <= 3600 } == true)
            // An hour later the address has room; the first sender waits for the day.
            clock.advance(3601)
            #expect(try await submit(phone: "0977 111 222").status == .created)
            #expect(try await submit(phone: "0912 345 678").status == .tooManyRequests)
            // The e-mail counts as the sender too, whatever its case.
            #expect(try await submit(phone: "0966 000 001", email: "B@example.vn").status == .created)
            #expect(try await submit(phone: "0966 000 002", email: "b@EXAMPLE.vn").status == .tooManyRequests)

            // What is stored to count holds no phone, e-mail or address.
            let keys = try await store.database.read { db in try await db.query("SELECT key FROM rate_limit_hits") }.compactMap {
                $0.string("key")
            }
            #expect(!keys.isEmpty)
            #expect(keys.allSatisfy { !$0.contains("0912") && !$0.contains("example") && !$0.contains("unknown") })
        }
    }

    @Test func theFormComesBackFilledInAndTheClerkIsExempt() async throws {
        try await withApp(settings: Self.limited) { client, store in
            let browser = Browser(client)
            for attempt in 0..<3 {
                let page = try await browser.get(Site.submit.path)
                let response = try await browser.post(
                    Site.submit.path, fields: validFormFields, csrf: Browser.csrfToken(in: page.text), multipart: true)
                if attempt < 2 {
                    #expect(response.status == .seeOther)
                } else {
                    #expect(response.status == .tooManyRequests)
                    #expect(response.headers[.retryAfter] != nil)
                    #expect(response.text.contains("Đã có quá nhiều phản ánh"))
                    #expect(response.text.contains("Thủ tục hoàn thuế giá trị gia tăng quá phức tạp"))
                }
            }
            // A clerk enters the same sender's letters: not limited.
            try await TestStaff.create(in: store)
            let clerk = Browser(client)
            try await clerk.signIn("vpcp")
            for _ in 0..<3 {
                let page = try await clerk.get(Site.paperIntake.path)
                let response = try await clerk.post(
                    Site.paperIntake.path, fields: validFormFields + [("channel", "paper")], csrf: Browser.csrfToken(in: page.text),
                    multipart: true)
                #expect(response.status == .seeOther)
            }
            #expect(try await store.petitionCount() == 5)
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import Testing

@testable import App

/// Every numeric parameter of every route, given what an attacker sends: the server answers
/// (an empty page or 422 naming the field) and never traps. `page=Int64.max` used to overflow
/// `(page − 1) × size` and kill the process.
@Suite struct NumericParameterTests {
    static let hostile = ["9223372036854775807", "461168601842738792", "-1", "0", "abc", "1e3", "%2B1", "99999999999999999999999"]

    @Test func pageParametersNeverTrap() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let staff = try await APIUser.signIn(client, "vpcp")
            let browser = Browser(client)
            try await browser.signIn("vpcp")
            let publicRoutes = [
                "/api/v1/answers?page=", "/tra-loi?page=", "/tim-kiem?page=", "/tim-kiem?q=so+do&page=", "/api/v1/search?q=so+do&page=",
            ]
            for value in Self.hostile {
                for route in publicRoutes {
                    let response = try await client.execute(uri: route + value, method: .get)
                    #expect(response.status == .unprocessableContent, "\(route)\(value)")
                }
                for sort in ["received", "due"] {
                    let response = try await staff.get("/api/v1/inbox?sort=\(sort)&page=\(value)")
                    #expect(response.status == .unprocessableContent, "inbox \(sort) \(value)")
                    let field = ((try response.json()["error"] as? [String: Any])?["fields"] as? [String: String])?.keys.first
                    #expect(field == "page")
                }
                for sort in ["", "&sap-xep=han"] {
                    let response = try await browser.get(Site.inbox.path + "?trang=\(value)\(sort)")
                    #expect(response.status == .unprocessableContent, "can-bo \(value)")
                }
            }
            // The largest page allowed is an empty page, not an error.
            let last = try await client.execute(uri: "/api/v1/answers?page=\(PageNumber.limit)", method: .get)
            #expect(last.status == .ok)
            #expect((try last.json()["items"] as? [Any])?.isEmpty == true)
            #expect(try await staff.get("/api/v1/inbox?sort=due&page=\(PageNumber.limit)").status == .ok)
            #expect(try await client.execute(uri: "/api/v1/calendar/9223372036854775807", method: .get).status == .unprocessableContent)
            #expect(
                try await client.execute(uri: "/api/v1/calendar/add-working-days?from=2026-01-02&days=9223372036854775807", method: .get)
                    .status == .unprocessableContent)
        }
    }

    @Test func pageNumberBounds() throws {
        #expect(try PageNumber(parsing: nil) == .first)
        #expect(try PageNumber(parsing: "") == .first)
        #expect(try PageNumber(parsing: "7").value == 7)
        for text in NumericParameterTests.hostile + [" 1", "+1", "١"] {
            #expect(throws: FieldError.self) { try PageNumber(parsing: text) }
        }
        #expect(PageNumber(clamping: .max).offset(pageSize: .max) == (PageNumber.limit - 1) * 1000)
        #expect(PageNumber(clamping: .min).value == 1)
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import App

@Suite struct ReferenceChangesTests {
    /// Intake keeps the reference data in memory; an admin's change applies at once.
    @Test func aDeactivatedAgencyIsRefusedAtOnce() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            #expect(try await submitPetition(client) { $0["agencyCode"] = "BTC" }.0.hasPrefix("PAKN-"))
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get(Site.agencies.path)
            let done = try await admin.post(
                Site.agencies.path + "/BTC", fields: [("operation", "deactivate")], csrf: Browser.csrfToken(in: page.text))
            #expect(done.status == .seeOther)
            let refused = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(petitionJSON { $0["agencyCode"] = "BTC" }))
            #expect(refused.status == .unprocessableContent)
            #expect(((try refused.json()["error"] as? [String: Any])?["fields"] as? [String: String])?["agencyCode"] != nil)
        }
    }
}

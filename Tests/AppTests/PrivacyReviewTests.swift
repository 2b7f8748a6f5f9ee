import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import Testing

@testable import App
@testable import LangNgheStorage

/// Leaks and holes found by reading the change as an attacker would, each with its test.
@Suite struct PrivacyReviewTests {
    @Test func thePublicEventsAPIShowsNoneOfTheSendersLaterWords() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            try await vpcp.act(code, "infoRequested", ["message": "Đề nghị bổ sung số hồ sơ."])
            try await APIUser(client: client, accessKey: key).act(
                code, "infoProvided", ["content": "Gọi tôi 0987 654 321, nhà số 9 Hàng Bài."])
            let anonymous = try await client.execute(uri: "/api/v1/petitions/\(code)/events", method: .get).text
            #expect(!anonymous.contains("0987 654 321") && !anonymous.contains("Hàng Bài") && !anonymous.contains("\"data\""))
            #expect(anonymous.contains("infoProvided"))
            // The sender reads their own words; VPCP reads everything.
            #expect(try await APIUser(client: client, accessKey: key).get("/api/v1/petitions/\(code)/events").text.contains("Hàng Bài"))
            #expect(try await vpcp.get("/api/v1/petitions/\(code)/events").text.contains("\"data\""))
        }
    }

    @Test func aReceiptIsShownForHalfAnHourAtMost() async throws {
        let clock = TestClock(vietnamMorning("2026-03-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, _ in
            let browser = Browser(client)
            let form = try await browser.get("/gui-phan-anh")
            let sent = try await browser.post("/gui-phan-anh", fields: validFormFields, csrf: Browser.csrfToken(in: form.text))
            #expect(sent.status == .seeOther)
            #expect(try await browser.get(Site.receipt.path).status == .ok)
            clock.advance(31 * 60)
            // The next person at a shared computer finds no access key there.
            #expect(try await browser.get(Site.receipt.path).headers[.location] == Site.track.path)
        }
    }

    @Test func aCoordinatingAgencyReadsTheCaseWithoutTheSendersData() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await file(
                client, title: "Chậm cấp sổ", content: "Tôi là Nguyễn Văn An, số 12 Nguyễn Huệ, gọi 0912 345 678, chờ sổ đỏ đã lâu.")
            let vpcp = try await APIUser.signIn(client, "vpcp")
            try await vpcp.act(code, "assigned", ["leadAgency": "HCM", "coordinatingAgencies": ["BTC"]])
            try await vpcp.act(code, "infoRequested", ["message": "Đề nghị bổ sung."])
            try await APIUser(client: client, accessKey: key).act(code, "infoProvided", ["content": "Email tôi an@example.vn"])
            let btc = Browser(client)
            try await btc.signIn("btc-officer")
            let page = try await btc.get(Site.staffCase(.value(code)).path).text
            for secret in ["Nguyễn Văn An", "0912 345 678", "an@example.vn", "Số 12 Nguyễn Huệ", "số 12 Nguyễn Huệ"] {
                #expect(!page.contains(secret), "the coordinating agency reads \(secret)")
            }
            #expect(page.contains("chờ sổ đỏ đã lâu"))
        }
    }

    @Test func anInterruptedRebuildRunsAgainAtTheNextStart() async throws {
        try await TestDatabase.withStore { store in
            let code = try await store.submit(ProjectionTests.intake(at: Date()))
            try await store.database.write { db in
                try await db.execute("UPDATE petitions SET clock = 'none', due_date = NULL")
                try await db.execute(
                    "INSERT INTO reference_versions (name, version, loaded_at) VALUES (?, 1, '')", Migrator.projectionsPending)
            }
            try await store.migrate()
            let row = try await store.database.read { db in
                try await db.first("SELECT clock, due_date FROM petitions WHERE tracking_code = ?", code.description)
            }
            #expect(row?.string("clock") == "running" && row?.string("due_date") != nil)
            #expect(
                try await store.database.read { db in
                    try await db.first("SELECT name FROM reference_versions WHERE name = ?", Migrator.projectionsPending)
                } == nil)
        }
    }
}

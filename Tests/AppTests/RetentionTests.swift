import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Logging
import Testing

@testable import App

/// Personal data kept only as long as the law allows (issue 9 §2): the retention policy is data,
/// the scheduler applies it as `personalDataErased` events, and a submitter can download their
/// own data with their access key.
@Suite struct RetentionTests {
    @Test func finishedCasesLoseTheirPersonalDataWhenThePolicySays() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let petition = String(decoding: try JSONSerialization.data(withJSONObject: petitionJSON()), as: UTF8.self)
            let filed = try await Browser(client).post(
                "/api/v1/petitions", fields: [("petition", petition)], files: [("attachments", "cmnd.png", pngBytes)])
            let receipt = try filed.json()
            let code = try #require(TrackingCode(receipt["trackingCode"] as? String ?? ""))
            let open = try #require(TrackingCode(try await submitPetition(client).0))
            let vpcp = try await APIUser.signIn(client, "vpcp")
            #expect(try await vpcp.act(code.description, "rejected", ["reasonCode": "outOfScopeComplaint"]).status == .created)

            let policy = try ShippedData.retentionPolicy()
            let rule = try #require(policy.rules.first)
            #expect(rule.statuses == [.rejected, .closed] && rule.afterYears == 5)
            let job = RetentionJob(store: store, policy: policy, environment: AppEnvironment(now: { clock.now }), holder: "test")
            clock.advance(4 * 365 * 86_400)
            #expect(try await job.runOnce(logger: TestDatabase.logger) == [:])
            clock.advance(400 * 86_400)
            #expect(try await job.runOnce(logger: TestDatabase.logger) == ["finishedCases": 1])
            // Once only; the open case is kept.
            #expect(try await job.runOnce(logger: TestDatabase.logger) == [:])

            let erased = try #require(try await store.petition(code))
            #expect(
                erased.submitter.name.isEmpty && erased.submitter.phone.isEmpty && erased.submitter.email.isEmpty
                    && erased.submitter.address.isEmpty)
            #expect(erased.events.last?.type == .personalDataErased && erased.events.last?.isPublic == true)
            #expect(erased.status == .rejected)
            let file = try #require(erased.attachments.first)
            #expect(file.fileName.isEmpty)
            #expect(try await store.attachmentContent(code, attachmentID: file.id)?.1.isEmpty == true)
            #expect(try await store.petition(open)?.submitter.phone == "0912 345 678")
            // The public timeline says so, and under which law.
            let page = try await client.execute(uri: Site.tracking(code.description), method: .get)
            #expect(page.text.contains("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15"))
        }
    }

    @Test func theSubmitterDownloadsTheirOwnData() async throws {
        try await withApp { client, store in
            let (code, key) = try await submitPetition(client)
            var submitter = APIUser(client: client)
            #expect(try await submitter.get("/api/v1/petitions/\(code)/personal-data").status == .forbidden)
            submitter.accessKey = "not-the-key"
            #expect(try await submitter.get("/api/v1/petitions/\(code)/personal-data").status == .forbidden)
            submitter.accessKey = key
            let export = try await submitter.get("/api/v1/petitions/\(code)/personal-data")
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(export.headers[.cacheControl] == "no-store")
            let data = try export.json()
            #expect((data["submitter"] as? [String: Any])?["phone"] as? String == "0912 345 678")
            #expect(try await store.securityLog(action: "personalDataExported").first?.detail == code)

            // The same from the tracking page, with its form.
            let browser = Browser(client)
            let page = try await browser.post(
                Site.track.path, fields: [("ma", code), ("khoa", key)],
                csrf: Browser.csrfToken(in: try await browser.get(Site.tracking(code)).text))
            #expect(page.text.contains(Site.trackPersonalData.path))
            let download = try await browser.post(
                Site.trackPersonalData.path, fields: [("ma", code), ("khoa", key)], csrf: Browser.csrfToken(in: page.text))
            #expect(download.status == .ok)
            #expect(((try download.json())["submitter"] as? [String: Any])?["email"] as? String == "an.nguyen@example.vn")
            let refused = try await browser.post(
                Site.trackPersonalData.path, fields: [("ma", code), ("khoa", "sai")], csrf: Browser.csrfToken(in: page.text))
            #expect(refused.status == .forbidden)
        }
    }
}

/// What is kept only for a while goes: idempotency receipts after a day, rate-limit counts
/// past their window.
@Suite struct ExpiryTests {
    @Test func idempotencyReceiptsAndRateCountsExpire() async throws {
        try await TestDatabase.withStore { store in
            let now = Date()
            try await store.database.write { db in
                for (key, age) in [("old", 2 * 86_400.0), ("new", 3600.0)] {
                    try await db.execute(
                        "INSERT INTO idempotency_keys (key_hash, request_hash, tracking_code, sealed_receipt, created_at) VALUES (?, 'r', 'PAKN-2026-000001', 's', ?)",
                        key, Timestamp.string(now.addingTimeInterval(-age)))
                    try await db.execute(
                        "INSERT INTO rate_limit_hits (key, at) VALUES (?, ?)", key, Timestamp.string(now.addingTimeInterval(-age)))
                }
            }
            let purged = try await store.purgeExpired(now: now)
            #expect(purged.idempotencyKeys == 1 && purged.rateLimitHits == 1)
            #expect(try await store.idempotencyRecord(keyHash: "old") == nil)
            #expect(try await store.idempotencyRecord(keyHash: "new") != nil)
        }
    }
}

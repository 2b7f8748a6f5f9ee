import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

extension Browser {
    /// Signs in through the form; returns the response of the post.
    @discardableResult
    func signIn(_ username: String, password: String = TestStaff.password) async throws -> TestResponse {
        let form = try await get(Site.signIn.path)
        let token = Browser.csrfToken(in: form.text)
        return try await post(Site.signIn.path, fields: [("username", username), ("password", password)], csrf: token)
    }

    /// Posts an action form on a case page, with the page's CSRF token.
    @discardableResult
    func act(_ code: String, _ type: String, _ fields: [(String, String)] = []) async throws -> TestResponse {
        let page = try await get(Site.staffCase(.value(code)).path)
        return try await post(Site.caseEvents(.value(code)).path, fields: [("type", type)] + fields, csrf: Browser.csrfToken(in: page.text))
    }
}

@Suite struct BackOfficeWebTests {
    @Test func theWholeWalkThroughTheWebForms() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = Browser(client)
            let signedIn = try await vpcp.signIn("vpcp")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == Site.inbox.path)
            let screening = try await vpcp.get(Site.inbox.path)
            #expect(screening.status == .ok)
            #expect(screening.text.contains(code))
            #expect(screening.text.contains("Chờ xem xét, phân loại"))

            let assigned = try await vpcp.act(
                code, "assigned", [("leadAgency", "BTC"), ("coordinatingAgencies", "BYT"), ("coordinatingAgencies", "BNV")])
            #expect(assigned.status == .seeOther)
            let btc = Browser(client)
            try await btc.signIn("btc-officer")
            let page = try await btc.get(Site.staffCase(.value(code)).path)
            // The lead agency's officer sees the sender's details and exactly their actions.
            #expect(page.text.contains("0912 345 678"))
            #expect(page.text.components(separatedBy: "<h2>Người gửi</h2>").count == 2)
            #expect(page.text.contains("value=\"acknowledged\""))
            #expect(page.text.contains("value=\"returned\""))
            #expect(!page.text.contains("value=\"assigned\""))
            try await btc.act(code, "acknowledged")
            try await btc.act(code, "coordinationRequested", [("agency", "BYT"), ("question", "Đề nghị cho ý kiến")])
            let byt = Browser(client)
            try await byt.signIn("byt-officer")
            let coordinating = try await byt.get(Site.staffCase(.value(code)).path)
            // A coordinating agency does not see the sender's details.
            #expect(!coordinating.text.contains("0912 345 678"))
            try await byt.act(code, "coordinationReplied", [("reply", "Đồng ý với phương án")])

            // The answer editor previews without saving.
            let preview = try await btc.act(code, "answerDrafted", [("content", "Kính gửi ông An, <b>Bộ</b> trả lời…"), ("preview", "1")])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Xem trước câu trả lời"))
            #expect(preview.text.contains("&lt;b&gt;Bộ&lt;/b&gt;"))
            let trackingCode = try #require(TrackingCode(code))
            #expect(try await store.petition(trackingCode)?.events.last?.type == .coordinationReplied)
            try await btc.act(code, "answerDrafted", [("content", "Kính gửi ông An, Bộ Tài chính trả lời như sau.")])

            let leader = Browser(client)
            try await leader.signIn("btc-leader")
            let approvals = try await leader.get(Site.inbox.path + "?hang-doi=cho-duyet")
            #expect(approvals.text.contains(code))
            try await leader.act(code, "answerApproved", [("password", TestStaff.password)])
            // "ông An" is a name after a form of address: publication waits until it is masked
            // or marked as not personal data, and says so.
            let blocked = try await leader.act(code, "answerPublished")
            #expect(blocked.status == .conflict)
            #expect(blocked.text.contains("Chưa thể công bố"))
            #expect(blocked.text.contains("<mark>An</mark>"))
            #expect(try await leader.act(code, "markedNotPersonal", [("target", "answer"), ("text", "An")]).status == .seeOther)
            #expect(try await leader.act(code, "answerPublished").status == .seeOther)

            // The submitter rates on the tracking page.
            let tracking = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
            #expect(tracking["status"] as? String == "answered")
            try await vpcp.act(code, "closed")
            let events = try #require(try await store.petition(trackingCode)).events.map(\.type)
            #expect(
                events == [
                    .submitted, .assigned, .acknowledged, .coordinationRequested, .coordinationReplied, .answerDrafted, .answerApproved,
                    .markedNotPersonal, .answerPublished, .closed,
                ])
        }
    }

    @Test func formsRefuseWhatTheRulesRefuse() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let officer = Browser(client)
            try await officer.signIn("btc-officer")
            // Not this officer's case: refused, and the denial is logged.
            let denied = try await officer.act(code, "assigned", [("leadAgency", "BTC")])
            #expect(denied.status == .forbidden)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            // Missing fields come back on the page, next to the form.
            let invalid = try await vpcp.act(code, "assigned", [("note", "x")])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("Vui lòng nhập mục này."))
            #expect(try await store.securityLog(action: "denied").contains { $0.username == "btc-officer" })
        }
    }

    @Test func signingInGivesANewSessionAndSigningOutEndsIt() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let browser = Browser(client)
            // An attacker plants a session id before sign-in (fixation).
            browser.cookies[StaffAuth.cookieName] = "planted-session-id"
            try await browser.signIn("vpcp")
            let session = try #require(browser.cookies[StaffAuth.cookieName])
            #expect(session != "planted-session-id")
            #expect(try await browser.get(Site.inbox.path).status == .ok)
            // The planted id opens nothing.
            let attacker = Browser(client)
            attacker.cookies[StaffAuth.cookieName] = "planted-session-id"
            #expect(try await attacker.get(Site.inbox.path).status == .seeOther)

            let page = try await browser.get(Site.inbox.path)
            try await browser.post(Site.signOut.path, fields: [], csrf: Browser.csrfToken(in: page.text))
            // The old cookie, replayed, is refused: the session is gone from the database.
            let replay = Browser(client)
            replay.cookies[StaffAuth.cookieName] = session
            let after = try await replay.get(Site.inbox.path)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == Site.signIn.path)
        }
    }

    @Test func sessionsExpireWhenIdleAndTokensWhenOld() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let browser = Browser(client)
            try await browser.signIn("vpcp")
            clock.advance(29 * 60)
            #expect(try await browser.get(Site.inbox.path).status == .ok)
            clock.advance(31 * 60)
            #expect(try await browser.get(Site.inbox.path).status == .seeOther)

            // An API token idles out like a web session (issue 9: one was valid after 11 h 50 idle)…
            let idle = try await APIUser.signIn(client, "vpcp")
            clock.advance(29 * 60)
            #expect(try await idle.get("/api/v1/inbox").status == .ok)
            clock.advance(31 * 60)
            #expect(try await idle.get("/api/v1/inbox").status == .unauthorized)
            // …and a busy one still ends 12 hours after sign-in.
            let api = try await APIUser.signIn(client, "vpcp")
            for _ in 0..<24 {
                clock.advance(29 * 60)
                #expect(try await api.get("/api/v1/inbox").status == .ok)
            }
            clock.advance(25 * 60)
            #expect(try await api.get("/api/v1/inbox").status == .unauthorized)

            let again = try await APIUser.signIn(client, "vpcp")
            #expect(
                try await api.client.execute(uri: "/api/v1/auth/logout", method: .post, headers: again.headers, body: nil).status
                    == .noContent)
            #expect(try await again.get("/api/v1/inbox").status == .unauthorized)
        }
    }

    @Test func aDisabledAccountIsLockedOutAtOnce() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let officer = Browser(client)
            try await officer.signIn("btc-officer")
            let api = try await APIUser.signIn(client, "btc-officer")
            #expect(try await officer.get(Site.inbox.path).status == .ok)

            let admin = Browser(client)
            try await admin.signIn("admin")
            let accounts = try await admin.get(Site.accounts.path)
            #expect(accounts.status == .ok)
            let account = try #require(try await store.staffCredentials(username: "btc-officer")?.0)
            let disabled = try await admin.post(
                Site.account(.value(account.id)).path, fields: [("role", "officer"), ("agency", "BTC")],
                csrf: Browser.csrfToken(in: accounts.text))
            #expect(disabled.status == .seeOther)
            #expect(try await officer.get(Site.inbox.path).status == .seeOther)
            #expect(try await api.get("/api/v1/inbox").status == .unauthorized)
            #expect(try await Browser(client).signIn("btc-officer").status == .unauthorized)
        }
    }

    /// Issue 10 §2: a staff form that comes back is open, with its message beside the field and
    /// a summary naming the action; the other forms are left as they were.
    @Test func aRefusedActionComesBackOpenWithItsMessages() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let response = try await vpcp.act(code, "assigned", [("note", "Giao gấp")])
            #expect(response.status == .unprocessableContent)
            let page = response.text
            #expect(page.contains(#"<details class="action" id="action-assigned" open>"#))
            #expect(page.contains(#"aria-describedby="assigned-leadAgency-error""#) && page.contains(#"id="assigned-leadAgency-error""#))
            #expect(!page.contains("Dữ liệu gửi lên chưa hợp lệ"))
            #expect(page.contains(#"role="alert">Chuyển cơ quan xử lý: "#))
            // Another form is neither opened nor marked.
            #expect(!page.contains(#"id="action-refused" open"#))
            #expect(page.matches(of: /aria-invalid="true"/).count == page.matches(of: /id="assigned-[A-Za-z]+-error"/).count)
        }
    }

    @Test func signInIsThrottled() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            for _ in 0..<StaffAuth.maxFailuresPerAccount {
                #expect(try await Browser(client).signIn("vpcp", password: "sai-mat-khau-123").status == .unauthorized)
            }
            // Even the right password waits now.
            let throttled = try await Browser(client).signIn("vpcp")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.text.contains("quá nhiều lần"))
        }
    }

    /// Every state-changing back-office form is refused without its token.
    @Test(arguments: [
        Site.signIn.path, Site.signOut.path, Site.paperIntake.path, Site.accounts.path,
        Site.accounts.path + "/1", Site.agencies.path + "/BTC", Site.fields.path, Site.fields.path + "/land",
        Site.caseEvents(.value("PAKN-2026-000001")).path, Site.submit.path, Site.track.path, Site.trackAttachment.path,
        Site.trackAction.path,
        Site.trackPersonalData.path, Site.secondFactor.path, Site.resetSecondFactor(.value(1)).path,
    ])
    func everyFormNeedsItsCSRFToken(_ path: String) async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            _ = try await submitPetition(client)
            let admin = Browser(client)
            try await admin.signIn("admin")
            let response = try await admin.post(path, fields: [("operation", "deactivate"), ("type", "noteAdded"), ("note", "x")])
            #expect(response.status == .forbidden)
            #expect(try await store.agencies().first { $0.code == "BTC" }?.active == true)
        }
    }

    @Test func onlyAdminsAdminister() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            for path in [Site.accounts.path, Site.agencies.path, Site.fields.path, Site.securityLog.path] {
                #expect(try await vpcp.get(path).status == .forbidden)
            }
            #expect(try await Browser(client).get(Site.accounts.path).status == .seeOther)
            let admin = Browser(client)
            try await admin.signIn("admin")
            for path in [Site.accounts.path, Site.agencies.path, Site.fields.path, Site.securityLog.path] {
                #expect(try await admin.get(path).status == .ok)
            }
            #expect(try await admin.get(Site.securityLog.path).text.contains("login"))
        }
    }
}

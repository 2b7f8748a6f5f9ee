import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Two-step sign-in (issue 9 §2): required for leaders, coordinators and admins when the
/// settings say so (production), optional for others; enrolment with a key and recovery codes;
/// the API gives a token only after the second factor; an admin's reset is logged.
@Suite struct SecondFactorTests {
    static let settings = Settings(
        environment: .testing, figuresCacheSeconds: 0, submissionsPerAddressPerHour: 0, submissionsPerSenderPerDay: 0,
        requireSecondFactor: true)

    static func code(_ store: Store, _ username: String, at date: Date) async throws -> String {
        let id = try #require(try await store.staffCredentials(username: username)?.0.id)
        let secret = try #require(try await store.secondFactor(staffID: id)?.secret)
        let value = TOTP(secret: secret).compute(date: date)
        return String(format: "%06d", value)
    }

    @Test func enrolmentThenEverySignInTakesACode() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now }), settings: Self.settings) { client, store in
            try await TestStaff.create(in: store)
            let leader = Browser(client)
            let first = try await leader.signIn("btc-leader")
            #expect(first.headers[.location] == Site.secondFactor.path)
            // The password alone opens the enrolment page and nothing else.
            #expect(try await leader.get(Site.inbox.path).headers[.location] == Site.secondFactor.path)
            let enrol = try await leader.get(Site.secondFactor.path)
            #expect(enrol.status == .ok && enrol.text.contains("otpauth://totp/LangNghe:btc-leader") && enrol.text.contains("<svg"))
            let wrong = try await leader.post(
                Site.secondFactor.path, fields: [("code", "000000")], csrf: Browser.csrfToken(in: enrol.text))
            #expect(wrong.status == .unprocessableContent)
            let done = try await leader.post(
                Site.secondFactor.path, fields: [("code", try await Self.code(store, "btc-leader", at: clock.now))],
                csrf: Browser.csrfToken(in: enrol.text))
            #expect(done.status == .ok)
            let codes = done.text.matches(of: /<li><code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code><\/li>/).map { String($0.output.1) }
            #expect(codes.count == 10)
            // The password-only session ended with enrolment.
            #expect(try await leader.get(Site.inbox.path).headers[.location] == Site.signIn.path)

            // Now the code is needed: missing, wrong, used twice.
            clock.advance(30)
            let missing = try await Browser(client).signIn("btc-leader")
            #expect(missing.status == .unauthorized && missing.text.contains("mã xác thực"))
            let again = Browser(client)
            let form = try await again.get(Site.signIn.path)
            let code = try await Self.code(store, "btc-leader", at: clock.now)
            let signedIn = try await again.post(
                Site.signIn.path, fields: [("username", "btc-leader"), ("password", TestStaff.password), ("code", code)],
                csrf: Browser.csrfToken(in: form.text))
            #expect(signedIn.headers[.location] == Site.inbox.path)
            #expect(try await again.get(Site.inbox.path).status == .ok)
            let replay = Browser(client)
            let replayForm = try await replay.get(Site.signIn.path)
            let replayed = try await replay.post(
                Site.signIn.path, fields: [("username", "btc-leader"), ("password", TestStaff.password), ("code", code)],
                csrf: Browser.csrfToken(in: replayForm.text))
            #expect(replayed.status == .unauthorized)

            // A recovery code works once.
            for expected in [HTTPResponse.Status.seeOther, .unauthorized] {
                let browser = Browser(client)
                let page = try await browser.get(Site.signIn.path)
                let response = try await browser.post(
                    Site.signIn.path,
                    fields: [("username", "btc-leader"), ("password", TestStaff.password), ("code", codes[0].lowercased())],
                    csrf: Browser.csrfToken(in: page.text))
                #expect(response.status == expected)
            }
            #expect(
                try await store.unusedRecoveryCodes(staffID: try #require(try await store.staffCredentials(username: "btc-leader")?.0.id))
                    == 9)
        }
    }

    @Test func theAPIGivesATokenOnlyAfterTheSecondFactor() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now }), settings: Self.settings) { client, store in
            try await TestStaff.create(in: store)
            func login(_ username: String, code: String? = nil) async throws -> TestResponse {
                var body: [String: Any] = ["username": username, "password": TestStaff.password]
                if let code { body["code"] = code }
                return try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: jsonHeaders, body: jsonBuffer(body))
            }
            // Not enrolled, but must be: enrol on the web first.
            let unenrolled = try await login("vpcp")
            #expect(unenrolled.status == .forbidden)
            #expect((try unenrolled.json()["error"] as? [String: Any])?["code"] as? String == "enrolmentRequired")
            // Officers need none unless they enrol.
            #expect(try await login("btc-officer").status == .ok)

            let id = try #require(try await store.staffCredentials(username: "vpcp")?.0.id)
            try await store.beginEnrolment(staffID: id, secret: SecondFactor.newSecret())
            try await store.confirmEnrolment(staffID: id, step: 0, recoveryHashes: [], at: clock.now)
            let noCode = try await login("vpcp")
            #expect(noCode.status == .unauthorized)
            #expect((try noCode.json()["error"] as? [String: Any])?["code"] as? String == "secondFactorRequired")
            #expect(try await login("vpcp", code: "123456").status == .unauthorized)
            let token = try await login("vpcp", code: try await Self.code(store, "vpcp", at: clock.now))
            #expect(token.status == .ok)
            let issued = try token.json()["token"] as? String
            #expect(issued != nil)
        }
    }

    @Test func anAdminResetsAnotherAccountsSecondFactorAndItIsLogged() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now }), settings: Self.settings) { client, store in
            try await TestStaff.create(in: store)
            let leaderID = try #require(try await store.staffCredentials(username: "btc-leader")?.0.id)
            try await store.beginEnrolment(staffID: leaderID, secret: SecondFactor.newSecret())
            try await store.confirmEnrolment(staffID: leaderID, step: 0, recoveryHashes: [], at: clock.now)
            // The admin enrols first (required), then resets the leader's factor.
            let admin = Browser(client)
            _ = try await admin.signIn("admin")
            let page = try await admin.get(Site.secondFactor.path)
            _ = try await admin.post(
                Site.secondFactor.path, fields: [("code", try await Self.code(store, "admin", at: clock.now))],
                csrf: Browser.csrfToken(in: page.text))
            clock.advance(30)
            let form = try await admin.get(Site.signIn.path)
            _ = try await admin.post(
                Site.signIn.path,
                fields: [
                    ("username", "admin"), ("password", TestStaff.password), ("code", try await Self.code(store, "admin", at: clock.now)),
                ],
                csrf: Browser.csrfToken(in: form.text))
            let accounts = try await admin.get(Site.accounts.path)
            #expect(accounts.status == .ok)
            let reset = try await admin.post(
                Site.resetSecondFactor(.value(leaderID)).path, fields: [],
                csrf: Browser.csrfToken(in: accounts.text))
            #expect(reset.status == .seeOther)
            #expect(try await store.secondFactor(staffID: leaderID) == nil)
            let line = try #require(try await store.securityLog(action: "secondFactorReset").first)
            #expect(line.username == "admin" && line.detail == "btc-leader")
            // Not one's own.
            let adminID = try #require(try await store.staffCredentials(username: "admin")?.0.id)
            let own = try await admin.post(
                Site.resetSecondFactor(.value(adminID)).path, fields: [],
                csrf: Browser.csrfToken(in: accounts.text))
            #expect(own.status == .conflict)
            // The leader enrols again at the next sign-in.
            #expect(try await Browser(client).signIn("btc-leader").headers[.location] == Site.secondFactor.path)
        }
    }
}

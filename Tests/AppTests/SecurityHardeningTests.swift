import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import NIOCore
import Testing

@testable import App

/// The defects that an attack from outside found (issue 9 §1), one test each.
@Suite struct SecurityHardeningTests {
    /// 200 parallel wrong passwords used to get 200 × 401 and no 429, and 39 wrong plus the
    /// right one in parallel signed in: each attempt is now counted before its password is checked.
    @Test func signInThrottlingHoldsInParallel() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let wrong = try await Self.signIns(client, "vpcp", passwords: Array(repeating: "sai-mat-khau-123", count: 200))
            #expect(wrong[.unauthorized] == StaffAuth.maxFailuresPerAccount)
            #expect(wrong[.tooManyRequests] == 200 - StaffAuth.maxFailuresPerAccount)
            #expect(try await Browser(client).signIn("vpcp").status == .tooManyRequests)

            // The right password among 39 wrong ones: five attempts in all are heard.
            let mixed = try await Self.signIns(
                client, "btc-officer", passwords: Array(repeating: "sai-mat-khau-123", count: 39) + [TestStaff.password])
            #expect((mixed[.unauthorized] ?? 0) + (mixed[.ok] ?? 0) == StaffAuth.maxFailuresPerAccount)
            #expect(mixed[.tooManyRequests] == 40 - StaffAuth.maxFailuresPerAccount)
            let unfinished = try await store.securityLog(action: "loginAttempt")
            #expect(unfinished.isEmpty, "every attempt ends as login or loginFailed")
        }
    }

    static func signIns(_ client: any TestClientProtocol, _ username: String, passwords: [String]) async throws -> [HTTPResponse.Status: Int] {
        try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for password in passwords {
                group.addTask {
                    try await client.execute(
                        uri: "/api/v1/auth/login", method: .post, headers: jsonHeaders,
                        body: jsonBuffer(["username": username, "password": password])
                    ).status
                }
            }
            var counts: [HTTPResponse.Status: Int] = [:]
            for try await status in group { counts[status, default: 0] += 1 }
            return counts
        }
    }

    /// A non-GET web request used to be read in full (up to ~51 MB) before its CSRF token was
    /// checked. Now the cookie, the content type and the declared length are checked first,
    /// and each path takes only what its form needs.
    @Test func bodiesAreRefusedBeforeTheyAreRead() async throws {
        try await withApp { client, _ in
            let browser = Browser(client)
            let page = try await browser.get(BackOfficePaths.login)
            let token = try #require(Browser.csrfToken(in: page.text))
            func post(_ path: String, bytes: Int, type: String = "application/x-www-form-urlencoded", cookie: Bool = true) async throws
                -> HTTPResponse.Status
            {
                var headers: HTTPFields = [.contentType: type]
                if cookie { headers[.cookie] = browser.cookieHeader }
                let body = ByteBuffer(string: "_csrf=\(token)&x=" + String(repeating: "a", count: bytes))
                return try await client.execute(uri: path, method: .post, headers: headers, body: body).status
            }
            // No CSRF cookie: refused at once, whatever the size.
            #expect(try await post(BackOfficePaths.login, bytes: 3_000_000, cookie: false) == .forbidden)
            // Each path its own limit: a sign-in form is a few KB, other text forms 2 MB.
            #expect(try await post(BackOfficePaths.login, bytes: 20_000) == .contentTooLarge)
            #expect(try await post(Paths.track, bytes: Limits.formBody + 1) == .contentTooLarge)
            #expect(try await post(Paths.track, bytes: 100_000) != .contentTooLarge)
            // Files only where a form takes them; other content types not at all.
            #expect(try await post(Paths.track, bytes: 10, type: "multipart/form-data; boundary=x") == .unsupportedMediaType)
            #expect(try await post(Paths.track, bytes: 10, type: "application/json") == .unsupportedMediaType)
            #expect(try await post(Paths.submit, bytes: 10, type: "text/plain") == .unsupportedMediaType)
        }
    }

    /// Bodies larger than a text form wait for one of a few places; when all are taken the
    /// client is told to come back instead of being read.
    @Test func largeUploadsShareAFewPlaces() async throws {
        let gate = UploadGate(places: 1)
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let (release, letGo) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await gate.admit {
                    enter.yield()
                    for await _ in release { break }
                }
            }
            for await _ in entered { break }
            await #expect(throws: AppError.self) { try await gate.admit {} }
            letGo.yield()
            try await group.waitForAll()
        }
        #expect(try await gate.admit { 42 } == 42)
    }

    /// With an https `BASE_URL`, browsers are told to keep to https.
    @Test func strictTransportSecurityOverHTTPS() async throws {
        try await withApp(settings: Settings(environment: .testing, baseURL: "https://langnghe.gov.vn")) { client, _ in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
        }
        try await withApp { client, _ in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.headers[.strictTransportSecurity] == nil)
        }
    }
}

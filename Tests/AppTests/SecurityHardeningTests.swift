import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LangNgheCore
import NIOCore
import Synchronization
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

    static func signIns(_ client: any TestClientProtocol, _ username: String, passwords: [String]) async throws -> [HTTPResponse.Status:
        Int]
    {
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
            let page = try await browser.get(Site.signIn.path)
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
            #expect(try await post(Site.signIn.path, bytes: 3_000_000, cookie: false) == .forbidden)
            // Each path its own limit: a sign-in form is a few KB, other text forms 2 MB.
            #expect(try await post(Site.signIn.path, bytes: 20_000) == .contentTooLarge)
            #expect(try await post(Site.track.path, bytes: Limits.formBody + 1) == .contentTooLarge)
            #expect(try await post(Site.track.path, bytes: 100_000) != .contentTooLarge)
            // Files only where a form takes them; other content types not at all.
            #expect(try await post(Site.track.path, bytes: 10, type: "multipart/form-data; boundary=x") == .unsupportedMediaType)
            #expect(try await post(Site.track.path, bytes: 10, type: "application/json") == .unsupportedMediaType)
            #expect(try await post(Site.submit.path, bytes: 10, type: "text/plain") == .unsupportedMediaType)
        }
    }

    /// A declared length beyond the limit is refused before a byte of the body is read: the
    /// body here would never end.
    @Test func declaredLengthsAreCheckedFirst() async throws {
        let (stream, _) = AsyncStream.makeStream(of: ByteBuffer.self)
        for (path, type, collect) in [
            (Site.signIn.path, "application/x-www-form-urlencoded", false), ("/api/v1/auth/login", "application/json", true),
        ] {
            var request = Request(
                head: HTTPRequest(
                    method: .post, scheme: "http", authority: "localhost", path: path,
                    headerFields: [.contentType: type, .contentLength: "50000000"]),
                body: RequestBody(asyncSequence: stream))
            await #expect(throws: AppError.self) {
                if collect {
                    _ = try await FormMiddleware.collect(&request, limit: Limits.jsonBody)
                } else {
                    _ = try await FormMiddleware.parse(&request, limits: FormLimits(path: path))
                }
            }
        }
    }

    /// Uploaded files go to disk as they arrive: each keeps one byte past the attachment limit
    /// (so the check says "too large"), the body is refused past its limit while it is read,
    /// and the files are gone with the form.
    @Test func uploadsAreStreamedToDisk() async throws {
        let boundary = "b0undary"
        func part(_ name: String, file: String?, _ bytes: Int) -> ByteBuffer {
            let disposition = "form-data; name=\"\(name)\"" + (file.map { "; filename=\"\($0)\"" } ?? "")
            return ByteBuffer(
                string: "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\r\n" + String(repeating: "a", count: bytes) + "\r\n")
        }
        let big = AttachmentType.maxBytes + 5000
        var chunks = [part("title", file: nil, 10), part("attachments", file: "a.pdf", big), ByteBuffer(string: "--\(boundary)--\r\n")]
        var url: URL?
        do {
            let form = try await FormData.multipart(
                Self.stream(chunks), boundary: boundary, limit: Limits.uploadBody, textLimit: Limits.formBody)
            #expect(form["title"] == String(repeating: "a", count: 10))
            let file = try #require(form.files.first)
            #expect(file.spool.received == big)
            #expect(try file.bytes.count == AttachmentType.maxBytes + 1)
            url = file.spool.url
            #expect(FileManager.default.fileExists(atPath: file.spool.url.path))
        }
        #expect(url.map { !FileManager.default.fileExists(atPath: $0.path) } == true, "the spooled file is deleted with the form")
        chunks = [part("attachments", file: "a.pdf", 2000)]
        await #expect(throws: AppError.self) {
            _ = try await FormData.multipart(Self.stream(chunks), boundary: boundary, limit: 1000, textLimit: 100)
        }
    }

    /// Binary files come back byte for byte, whatever CR, LF and dashes they hold and however
    /// the body is cut: the parser hands them over in small pieces, gathered before each write.
    @Test func binaryFilesComeBackByteForByte() async throws {
        let boundary = "XyZ-b0undary"
        var generator = SystemRandomNumberGenerator()
        // Random bytes salted with line breaks and boundary-like dashes.
        func file(_ count: Int) -> [UInt8] {
            (0..<count).map { i in i % 97 == 0 ? 13 : i % 89 == 0 ? 10 : i % 83 == 0 ? 45 : UInt8.random(in: 0...255, using: &generator) }
        }
        let large = file(300_001)
        let small = file(100)
        var body: [UInt8] = []
        for (name, bytes) in [("a.pdf", large), ("b.pdf", small)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\(name)\"\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let chunks = stride(from: 0, to: body.count, by: 7919).map { ByteBuffer(bytes: body[$0..<min($0 + 7919, body.count)]) }
        let form = try await FormData.multipart(
            Self.stream(chunks), boundary: boundary, limit: Limits.uploadBody, textLimit: Limits.formBody)
        #expect(form.files.map(\.fileName) == ["a.pdf", "b.pdf"])
        #expect(try form.files.map { try $0.bytes } == [large, small])
    }

    static func stream(_ chunks: [ByteBuffer]) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
    }

    /// Bodies larger than a text form wait for one of a few places; when all are taken the
    /// client is told to come back instead of being read.
    @Test func largeUploadsShareAFewPlaces() async throws {
        let gate = ClientGate(perClient: 1, refusal: .busy)
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let (release, letGo) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await gate.admit("uploads") {
                    enter.yield()
                    for await _ in release { break }
                }
            }
            for await _ in entered { break }
            await #expect(throws: AppError.self) { try await gate.admit("uploads") {} }
            letGo.yield()
            try await group.waitForAll()
        }
        #expect(try await gate.admit("uploads") { 42 } == 42)
    }

    /// `/thong-ke?tu=0001-01-01&den=9999-12-31` took 6.6 s and returned 5.4 MB: a period is
    /// now at most ten years, said in the reader's language and naming the field.
    @Test func periodsAreBounded() async throws {
        try await withApp { client, _ in
            let api = try await client.execute(uri: "/api/v1/stats?from=1990-01-01&to=2026-12-31", method: .get)
            #expect(api.status == .unprocessableContent)
            let fields = (try api.json()["error"] as? [String: Any])?["fields"] as? [String: String]
            #expect(fields?["from"] == "Khoảng thời gian quá dài: tối đa 10 năm.")
            #expect(try await client.execute(uri: "/thong-ke?tu=1900-01-01&den=2199-12-31", method: .get).status == .unprocessableContent)
            #expect(
                try await client.execute(uri: "/danh-gia-co-quan?tu=1900-01-01&den=2199-12-31", method: .get).status
                    == .unprocessableContent)
            #expect(try await client.execute(uri: "/api/v1/stats?from=2017-01-02&to=2026-12-31", method: .get).status == .ok)
        }
    }

    /// The public figures of a period are computed once a minute, not per request; with the
    /// cache off (the other tests) every request sees the newest figures.
    @Test func publicFiguresAreKeptForAMinute() async throws {
        try await withApp(settings: Settings(environment: .testing, figuresCacheSeconds: 60)) { client, _ in
            func received() async throws -> Int? {
                (try await client.execute(uri: "/api/v1/stats", method: .get).json()["overall"] as? [String: Any])?["received"] as? Int
            }
            #expect(try await received() == 0)
            _ = try await file(client, title: "Phản ánh thử bộ nhớ đệm", content: "Nội dung phản ánh để thử bộ nhớ đệm của số liệu.")
            #expect(try await received() == 0)
            // Another period is computed afresh.
            let other = try await client.execute(uri: "/api/v1/stats?from=2020-01-01", method: .get).json()
            #expect((other["overall"] as? [String: Any])?["received"] as? Int == 1)
        }
    }

    @Test func aComputationIsSharedByConcurrentReaders() async throws {
        let cache = FiguresCache<Int, Int>(lifetime: .seconds(60))
        final class Runs: Sendable { let count = Mutex(0) }
        let runs = Runs()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await cache.value(for: 1) {
                        runs.count.withLock { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(200))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 8))
        #expect(runs.count.withLock { $0 } == 1)
    }

    /// Two expensive requests in progress per client; a third is told to come back.
    @Test func expensiveRequestsPerClientAreCapped() async throws {
        let gate = ClientGate(perClient: 2)
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let (release, letGo) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await gate.admit("203.0.113.7") {
                        enter.yield()
                        for await _ in release { break }
                    }
                }
            }
            var count = 0
            for await _ in entered {
                count += 1
                if count == 2 { break }
            }
            await #expect(throws: AppError.self) { try await gate.admit("203.0.113.7") {} }
            #expect(try await gate.admit("198.51.100.1") { 1 } == 1)
            letGo.yield()
            letGo.yield()
            try await group.waitForAll()
        }
        #expect(try await gate.admit("203.0.113.7") { 2 } == 2)
    }

    /// TRACE and other methods the application never answers: 405 with `Allow`, not 404 (or
    /// 403 on pages, where the CSRF check came first).
    @Test func unknownMethodsAre405() async throws {
        try await withApp { client, _ in
            for (path, allowed) in [
                ("/api/v1/answers", "GET, HEAD, POST, DELETE"), ("/", "GET, HEAD, POST"), (Site.submit.path, "GET, HEAD, POST"),
            ] {
                for method in [HTTPRequest.Method.trace, .put, .patch, HTTPRequest.Method("PROPFIND")!] {
                    let response = try await client.execute(uri: path, method: method)
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers[.allow] == allowed)
                }
            }
            #expect(try await client.execute(uri: "/", method: .delete).status == .methodNotAllowed)
            #expect(try await client.execute(uri: "/api/v1/answers", method: .get).status == .ok)
        }
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

/// Static files (issue 10 §2): the icon exists, and caches may keep them for a while.
@Suite struct StaticFileTests {
    @Test func theIconAndTheStylesheetAreCacheable() async throws {
        try await withApp { client, _ in
            let icon = try await client.execute(uri: "/favicon.ico", method: .get)
            #expect(icon.status == .ok && icon.body.readableBytes > 0)
            #expect(icon.headers[.cacheControl]?.contains("max-age") == true)
            let css = try await client.execute(uri: Site.stylesheet.path, method: .get)
            #expect(css.headers[.cacheControl] == "public, max-age=3600")
            #expect(css.headers[.eTag] != nil)
        }
    }
}

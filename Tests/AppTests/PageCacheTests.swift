import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import NIOCore
import Testing

@testable import App

/// Issue 12: public pages are kept a moment for anonymous readers, each still getting the CSRF
/// token of their own cookie; signed-in readers, other languages and pages that set cookies are
/// never served what another reader was.
@Suite struct PageCacheTests {
    static var settings: Settings {
        var settings = Settings(
            environment: .testing, figuresCacheSeconds: 0, submissionsPerAddressPerHour: 0, submissionsPerSenderPerDay: 0)
        settings.pageCacheSeconds = 60
        return settings
    }

    @Test func aKeptTrackingPageCarriesEachReadersOwnToken() async throws {
        try await withApp(settings: Self.settings) { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await submitPetition(client)
            let first = Browser(client)
            let before = try await first.get("/tra-cuu?ma=\(code)")
            #expect(before.status == .ok)

            // A change within the lifetime is not seen by anonymous readers yet: the page is kept.
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            try await vpcp.act(code, "assigned", [("leadAgency", "BNV")])
            let second = Browser(client)
            let kept = try await second.get("/tra-cuu?ma=\(code)")
            let firstToken = try #require(Browser.csrfToken(in: before.text))
            let secondToken = try #require(Browser.csrfToken(in: kept.text))
            #expect(firstToken != secondToken)
            #expect(kept.text.replacingOccurrences(of: secondToken, with: firstToken) == before.text)
            #expect(!kept.text.contains("csrf-placeholder"))
            // The token is longer than the placeholder: the length said is the one sent.
            #expect(kept.headers[.contentLength] == String(kept.body.readableBytes))
            #expect(before.headers[.contentLength] == String(before.body.readableBytes))

            // Each reader's token is the one their cookie checks: the key opens the case for both.
            for (browser, token) in [(first, firstToken), (second, secondToken)] {
                let unlocked = try await browser.post("/tra-cuu", fields: [("ma", code), ("khoa", key)], csrf: token)
                #expect(unlocked.status == .ok)
                #expect(unlocked.text.contains("Nguyễn Văn An"))
                #expect(unlocked.headers[.cacheControl] == "no-store")
            }
            // What the key opened was not kept for anyone else.
            #expect(try await Browser(client).get("/tra-cuu?ma=\(code)").text.contains("Nguyễn Văn An") == false)

            // A signed-in reader gets the page as it is now, with their own header.
            let staffView = try await vpcp.get("/tra-cuu?ma=\(code)")
            #expect(staffView.text.contains("class=\"signout\""))
            #expect(!kept.text.contains("class=\"signout\""))
        }
    }

    @Test func theAPIKeepsWhatAnyoneReadsAndNothingAKeyOpens() async throws {
        try await withApp(settings: Self.settings) { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await submitPetition(client)
            let path = "/api/v1/petitions/\(code)"
            let before = try await client.execute(uri: path, method: .get).json()
            #expect(before["status"] as? String == "received")
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            try await vpcp.act(code, "assigned", [("leadAgency", "BNV")])
            // Anyone without a key reads the kept case; the key holder and staff read it as it is.
            #expect(try await client.execute(uri: path, method: .get).json()["status"] as? String == "received")
            let own = try await client.execute(uri: path, method: .get, headers: [.xAccessKey: key]).json()
            #expect(own["status"] as? String == "assigned")
            #expect((own["submitter"] as? [String: Any])?["name"] as? String == "Nguyễn Văn An")
            let token = try #require(try await APIUser.signIn(client, "vpcp").token)
            let staff = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"]).json()
            #expect(staff["status"] as? String == "assigned")
            // What the key opened was kept for no one.
            let anyone = try await client.execute(uri: path, method: .get)
            #expect(!anyone.text.contains("Nguyễn Văn An"))
        }
    }

    @Test func pagesAreKeptPerLanguageAndAddress() async throws {
        try await withApp(settings: Self.settings) { client, _ in
            let vietnamese = try await client.execute(uri: "/tra-loi", method: .get)
            let english = try await client.execute(uri: "/tra-loi", method: .get, headers: [.acceptLanguage: "en"])
            let asked = try await client.execute(uri: "/tra-loi?lang=en", method: .get)
            #expect(vietnamese.text.contains("lang=\"vi\""))
            #expect(english.text.contains("lang=\"en\""))
            #expect(asked.text.contains("lang=\"en\""))
            // The language asked for in the address is still remembered in its cookie.
            let again = try await client.execute(uri: "/tra-loi?lang=en", method: .get)
            #expect(again.headers[values: .setCookie].contains { $0.hasPrefix("lang=en") })
            // A refused filter is not kept, and says what was wrong each time.
            let refused = try await client.execute(uri: "/tra-loi?from=2026-02-30", method: .get)
            #expect(refused.status == .unprocessableContent)
            #expect(!refused.text.contains("csrf-placeholder"))
            #expect(refused.headers[.contentLength] == String(refused.body.readableBytes))
        }
    }

    @Test func theCacheHoldsNoMoreThanItsCapacity() {
        let cache = PageCache(lifetime: .seconds(60), capacity: 40_000)
        let now = ContinuousClock.now
        func key(_ i: Int) -> PageCache.Key { .init(language: .vi, address: "/tra-cuu?ma=\(i)") }
        for i in 0..<100 {
            let page = PageCache.Page(headers: [:], pieces: [ByteBuffer(repeating: 65, count: 900)], expires: now + .seconds(i))
            cache.keep(page, for: key(i), now: now)
            #expect(cache.size <= 40_000)
        }
        // The pages nearest their end went first; the newest are there until they expire.
        #expect(cache.page(key(0), now: now) == nil)
        #expect(cache.page(key(99), now: now) != nil)
        #expect(cache.page(key(99), now: now + .seconds(100)) == nil)
        // An address no page people read has is not kept: a padded one cannot fill the memory.
        let padded = PageCache.Key(language: .vi, address: "/api/v1/search?q=&pad=" + String(repeating: "x", count: 2_000))
        cache.keep(PageCache.Page(headers: [:], pieces: [ByteBuffer()], expires: now + .seconds(60)), for: padded, now: now)
        #expect(cache.page(padded, now: now) == nil)
    }

    @Test func aSlowerEarlierRenderDoesNotReplaceANewerPage() {
        let cache = PageCache(lifetime: .seconds(60))
        let now = ContinuousClock.now
        let key = PageCache.Key(language: .vi, address: "/tra-loi")
        cache.keep(PageCache.Page(headers: [:], pieces: [ByteBuffer(string: "mới")], expires: now + .seconds(60)), for: key, now: now)
        cache.keep(PageCache.Page(headers: [:], pieces: [ByteBuffer(string: "cũ")], expires: now + .seconds(59)), for: key, now: now)
        #expect(cache.page(key, now: now).map { String(buffer: $0.pieces[0]) } == "mới")
    }

    @Test func aResponseForItsReaderAloneIsNotKept() {
        #expect(PageCacheMiddleware.saysPrivate("private, no-store"))
        #expect(PageCacheMiddleware.saysPrivate("No-Store"))
        #expect(PageCacheMiddleware.saysPrivate("private"))
        #expect(PageCacheMiddleware.saysPrivate("no-cache, max-age=0"))
        #expect(!PageCacheMiddleware.saysPrivate("public, max-age=3600"))
        #expect(!PageCacheMiddleware.saysPrivate(nil))
    }

    @Test func thePlaceholderIsCutWhereverItIs() {
        let cache = PageCache(lifetime: .seconds(1))
        let mark = cache.placeholder
        let pieces = cache.cut(ByteBuffer(string: mark + "a" + mark + mark + "bc" + mark))
        #expect(pieces.map { String(buffer: $0) } == ["", "a", "", "bc", ""])
        let page = PageCache.Page(headers: [:], pieces: pieces, expires: .now)
        #expect(String(buffer: PageCacheMiddleware.body(page, token: "T")) == "TaTTbcT")
        #expect(cache.cut(ByteBuffer(string: "no mark")).map { String(buffer: $0) } == ["no mark"])
    }
}

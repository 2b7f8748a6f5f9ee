import Hummingbird
import LangNgheCore
import NIOCore
import Synchronization

/// Public pages as every anonymous reader sees them, kept for a moment (issue 12): the answers
/// list, a case's public tracking page, the home page, a search. Rendering one costs 10 to 50
/// health checks (queries, then Mustache); a popular page read a few thousand times a
/// second is rendered once per `lifetime` and otherwise sent as bytes.
///
/// Only what is the same for every reader is kept: GET requests from nobody signed in, with no
/// bearer token or access key, by address and language, answered 200 without a cookie of their
/// own; the public API's reads (a case by its code, answers, search) are kept the same way. The
/// one thing in such a page that belongs to its reader, the CSRF token of its forms, is rendered
/// as a placeholder and put back per request. A page is at most `lifetime` old: an answer
/// published now appears in the list within that time; a submitter acting on their case sees
/// the page their form returns, which is never kept.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        let language: Language
        let address: String
    }

    /// A kept page: its body cut where the CSRF token goes.
    struct Page: Sendable {
        let headers: HTTPFields
        let pieces: [ByteBuffer]
        let expires: ContinuousClock.Instant
        /// Counted once: every reader's copy reserves it.
        let bodySize: Int

        init(headers: HTTPFields, pieces: [ByteBuffer], expires: ContinuousClock.Instant) {
            self.headers = headers
            self.pieces = pieces
            self.expires = expires
            bodySize = pieces.reduce(0) { $0 + $1.readableBytes }
        }
    }

    /// A page with what it counts against `capacity`, counted when it is kept, not again at
    /// each eviction under the lock.
    private struct Entry {
        let page: Page
        let cost: Int
    }

    let lifetime: Duration
    /// The memory kept at most, counted as the pages' bytes, their addresses and headers, and
    /// `entryCost` for each: past it the pages nearest their end go first, so that a crawler of
    /// a million tracking codes (or of one search padded a million ways) cannot make it grow; a
    /// page everyone reads that it pushes out is rendered again once and kept.
    let capacity: Int
    static let entryCost = 512
    /// Longer addresses are not kept: no page people read has one.
    static let longestAddress = 1024
    /// Stands for the CSRF token while a kept page is rendered: random per process, so that no
    /// text a citizen writes can be taken for it.
    let placeholder = "csrf-placeholder-" + RandomToken.make(bytes: 18)
    private let state = Mutex<(entries: [Key: Entry], size: Int)>(([:], 0))

    init(lifetime: Duration, capacity: Int = 16 << 20) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The memory counted now.
    var size: Int { state.withLock { $0.size } }

    func page(_ key: Key, now: ContinuousClock.Instant) -> Page? {
        state.withLock { state in state.entries[key].flatMap { $0.page.expires > now ? $0.page : nil } }
    }

    static func cost(_ page: Page, _ key: Key) -> Int {
        page.bodySize + key.address.utf8.count + page.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count }
            + entryCost
    }

    func keep(_ page: Page, for key: Key, now: ContinuousClock.Instant) {
        guard key.address.utf8.count <= Self.longestAddress else { return }
        let cost = Self.cost(page, key)
        guard cost <= capacity / 4 else { return }
        state.withLock { state in
            if let old = state.entries[key] {
                // A slower render that began earlier must not replace a newer page.
                guard old.page.expires < page.expires else { return }
                state.size -= old.cost
                state.entries[key] = nil
            }
            if state.size + cost > capacity {
                var kept = state.entries.filter { $0.value.page.expires > now }
                var size = kept.values.reduce(0) { $0 + $1.cost }
                if size + cost > capacity {
                    for (key, entry) in kept.sorted(by: { $0.value.page.expires < $1.value.page.expires }) {
                        kept[key] = nil
                        size -= entry.cost
                        if size + cost <= capacity * 3 / 4 { break }
                    }
                }
                state = (kept, size)
            }
            state.entries[key] = Entry(page: page, cost: cost)
            state.size += cost
        }
    }

    /// `body` cut at each placeholder.
    func cut(_ body: ByteBuffer) -> [ByteBuffer] {
        let bytes = Array(body.readableBytesView)
        let mark = Array(placeholder.utf8)
        var pieces: [ByteBuffer] = []
        var start = 0
        var i = 0
        while i + mark.count <= bytes.count {
            if bytes[i] == mark[0], bytes[i..<i + mark.count].elementsEqual(mark) {
                pieces.append(ByteBuffer(bytes: bytes[start..<i]))
                i += mark.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(ByteBuffer(bytes: bytes[start...]))
        return pieces
    }
}

/// Serves the routes it is put on from `PageCache` when the reader is anonymous.
struct PageCacheMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: PageCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard cache.lifetime > .zero, request.method == .get, context.staff == nil, request.headers[.authorization] == nil,
            request.headers[.xAccessKey] == nil
        else { return try await next(request, context) }
        let key = PageCache.Key(language: context.language, address: request.uri.description)
        let now = ContinuousClock.now
        if let page = cache.page(key, now: now) { return Self.response(page, token: context.csrfToken) }

        var rendering = context
        rendering.csrfToken = cache.placeholder
        let response = try await next(request, rendering)
        guard response.status == .ok, response.headers[.setCookie] == nil, !Self.saysPrivate(response.headers[.cacheControl]) else {
            return try await Self.substituted(response, placeholder: cache.placeholder, token: context.csrfToken)
        }
        // The length said is the placeholder's; each reader's is counted when their page is sent.
        var headers = response.headers
        headers[.contentLength] = nil
        let page = PageCache.Page(
            headers: headers, pieces: cache.cut(try await BodyCollector.bytes(of: response)), expires: now + cache.lifetime)
        cache.keep(page, for: key, now: now)
        return Self.response(page, token: context.csrfToken)
    }

    /// Whether `Cache-Control` says the response is for its reader alone or not to be kept.
    static func saysPrivate(_ cacheControl: String?) -> Bool {
        guard let cacheControl else { return false }
        return cacheControl.lowercased().split(separator: ",").contains { directive in
            let name = directive.split(separator: "=").first?.trimmingCharacters(in: .whitespaces) ?? ""
            return ["no-store", "private", "no-cache"].contains(name)
        }
    }

    static func response(_ page: PageCache.Page, token: String) -> Response {
        Response(status: .ok, headers: page.headers, body: .init(byteBuffer: body(page, token: token)))
    }

    /// The kept page's pieces joined by this reader's token.
    static func body(_ page: PageCache.Page, token: String) -> ByteBuffer {
        var body = ByteBuffer()
        body.reserveCapacity(page.bodySize + (page.pieces.count - 1) * token.utf8.count)
        for (i, piece) in page.pieces.enumerated() {
            if i > 0 { body.writeString(token) }
            body.writeImmutableBuffer(piece)
        }
        return body
    }

    /// A response not kept (an error page, a page that sets a cookie) with the reader's token in
    /// place of the placeholder.
    private static func substituted(_ response: Response, placeholder: String, token: String) async throws -> Response {
        guard response.headers[.contentType]?.hasPrefix("text/html") == true else { return response }
        var response = response
        let text = String(buffer: try await BodyCollector.bytes(of: response)).replacingOccurrences(of: placeholder, with: token)
        // Setting the body says its new length.
        response.body = .init(byteBuffer: ByteBuffer(string: text))
        return response
    }
}

/// Gathers a response body written in pieces.
private struct BodyCollector: ResponseBodyWriter {
    final class Box { var buffer = ByteBuffer() }
    let box: Box

    static func bytes(of response: Response) async throws -> ByteBuffer {
        let box = Box()
        try await response.body.write(BodyCollector(box: box))
        return box.buffer
    }

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        box.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

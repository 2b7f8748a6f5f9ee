import App
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Logging
import NIOCore

/// `langnghe-bench scale [count]`: loads `count` demo petitions (100,000 by default) through
/// the seeder's bulk path, then times the pages and API calls a citizen, the press and staff
/// open most, through the real router in process (no network): search, statistics for a year,
/// the conduct page, a busy agency's inbox sorted by due date, tracking. SQLite by default;
/// `BENCH_DATABASE_URL=postgres://…` runs it on PostgreSQL; `BENCH_SQLITE_PATH=…` keeps the
/// SQLite file there and, when it already holds `count` petitions, times it without seeding;
/// `BENCH_ONLY=…` times only the lines whose label contains it.
enum ScaleBench {
    static func run(count: Int) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ProcessInfo.processInfo.environment
        let location: DatabaseLocation
        if let url = environment["BENCH_DATABASE_URL"], !url.isEmpty {
            location = try DatabaseLocation(url: url)
        } else if let path = environment["BENCH_SQLITE_PATH"], !path.isEmpty {
            location = .sqliteFile(path: path)
        } else {
            location = .sqliteFile(path: folder.appendingPathComponent("scale.sqlite").path)
        }
        print(
            "LangNghe scale benchmark — \(count) petitions, \(ProcessInfo.processInfo.processorCount) cores, \(location.dialect.rawValue)")
        // Signed, as the server seeds: each answered case carries its agency's signature.
        let passphrase = CAPassphrase("langnghe-bench-passphrase", rounds: 1000)
        try await Store.withStore(at: location, logger: logger) { store in
            try await store.migrate()
            try await store.loadReferenceData(ReferenceData.bundled())
            let calendar = try ShippedData.calendarOverrides()
            try await store.loadCalendarOverrides(calendar.overrides, version: calendar.version)
            let present = try await store.database.read { db in try await db.first("SELECT COUNT(*) AS n FROM petitions")?.int("n") ?? 0 }
            if present >= count {
                print("seed demo: \(present) petitions already there, not seeded")
            } else {
                let (_, seedSeconds) = try await Bench.measure {
                    try await DemoSeeder(store: store, count: count, seed: 2026, progress: .terminal, passphrase: passphrase).run()
                }
                print(
                    String(
                        format: "seed demo: %d petitions in %.1f s = %.0f per second (bulk path)", count, seedSeconds,
                        Double(count) / seedSeconds))
            }

            // Figures computed on every request unless BENCH_CACHE_SECONDS says otherwise: the cost of
            // computing them is what is measured.
            let cacheSeconds = Int(environment["BENCH_CACHE_SECONDS"] ?? "") ?? 0
            // The seeder's passphrase: a database kept with BENCH_SQLITE_PATH opens again.
            let app = try await buildApplication(
                settings: Settings(
                    environment: .testing, figuresCacheSeconds: cacheSeconds, submissionsPerAddressPerHour: 0,
                    submissionsPerSenderPerDay: 0,
                    caPassphrase: passphrase),
                store: store, logger: logger)
            try await app.test(.router) { client in
                let login = try await client.execute(
                    uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"username":"demo-vpcp","password":"\#(DemoSeeder.demoPassword)"}"#))
                let token = (try JSONSerialization.jsonObject(with: Data(buffer: login.body)) as? [String: Any])?["token"] as? String ?? ""
                let staff: HTTPFields = [.authorization: "Bearer \(token)"]
                let busiest = try await store.database.read { db in
                    try await db.first(
                        "SELECT lead_agency_code AS code, COUNT(*) AS n FROM petitions WHERE lead_agency_code IS NOT NULL GROUP BY lead_agency_code ORDER BY n DESC LIMIT 1"
                    )?.string("code") ?? "HNI"
                }
                let code = try await store.database.read { db in
                    try await db.first("SELECT tracking_code FROM petitions ORDER BY id DESC LIMIT 1")?.string("tracking_code") ?? ""
                }
                let today = CivilDate.localDate(of: Date())
                let year = "from=\(today.adding(days: -364).iso)&to=\(today.iso)"
                let searches = [
                    "so+do", "ho+chieu", "bao+hiem+xa+hoi", "thue", "giay+phep+xay+dung", "dat+dai", "hoc+phi", "benh+vien",
                    "dang+ky+kinh+doanh", "moi+truong",
                ]
                try await timeSnippets(store, searches)
                try await time("search (10 queries)", client, searches.map { "/api/v1/search?q=\($0)" })
                try await time("search page /tim-kiem", client, searches.map { "/tim-kiem?q=\($0)" })
                try await time("/api/v1/stats for a year", client, ["/api/v1/stats?\(year)"])
                try await time("/thong-ke for a year", client, ["/thong-ke?tu=\(today.adding(days: -364).iso)&den=\(today.iso)"])
                try await time("/danh-gia-co-quan", client, ["/danh-gia-co-quan"])
                try await time("inbox of \(busiest), by due date", client, ["/api/v1/inbox?agency=\(busiest)&sort=due"], headers: staff)
                try await time("inbox of every case (VPCP), by due date", client, ["/api/v1/inbox?sort=due"], headers: staff)
                try await time("inbox of \(busiest), overdue", client, ["/api/v1/inbox?agency=\(busiest)&overdue=true"], headers: staff)
                try await time("/tra-cuu (tracking page)", client, ["/tra-cuu?ma=\(code)"])
                try await time("/tra-loi (answers page)", client, ["/tra-loi"])

                // Trust (issue 11): the log's head and proofs, a signed answer and its verification.
                let size = try await store.logSize()
                let answered = try await store.publishedAnswers(AnswerFilter(pageSize: 1)).0.first?.trackingCode.description ?? code
                try await time("/api/v1/log/head", client, ["/api/v1/log/head"])
                try await time(
                    "log inclusion proof (\(size) events)", client,
                    [
                        "/api/v1/log/proof/inclusion?event=\(code):1&size=\(size)",
                        "/api/v1/log/proof/inclusion?event=\(answered):1&size=\(size)",
                    ])
                try await time("log consistency proof", client, ["/api/v1/log/proof/consistency?from=\(size / 3)&to=\(size)"])
                try await time("signed answer document", client, ["/api/v1/petitions/\(answered)/answer"])
                try await time("/xac-minh?ma= (verification)", client, ["/xac-minh?ma=\(answered)"])

                // The assistant (issue 15): training on the newest handled cases, and the
                // lookups a coordinator's case page and a citizen's form make.
                if let only = ProcessInfo.processInfo.environment["BENCH_ONLY"], !only.isEmpty, !"assist train".contains(only) {
                } else {
                    let summary = try await AssistTraining.train(store, now: Date())
                    print(
                        String(
                            format: "assist train: %d handled cases, %d agencies, %d fields in %.1f s", summary.cases, summary.agencies,
                            summary.fields, summary.seconds))
                }
                let spread = try await store.database.read { db in
                    try await db.query(
                        // Ten petitions spread over the ids, none a multiple of another's position in the demo's cycle.
                        "SELECT tracking_code, title FROM petitions WHERE id % ? = 0 ORDER BY id DESC LIMIT 10", max(1, count / 10 + 1013)
                    ).map { ($0.string("tracking_code") ?? "", $0.string("title") ?? "") }
                }
                try await time(
                    "similar cases (assist, 10 cases)", client, spread.map { "/api/v1/petitions/\($0.0)/similar" }, headers: staff)
                try await time(
                    "similar answers (assist, 10 texts)", client,
                    spread.map { "/api/v1/similar?text=" + ($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") })
            }
            let (audit, auditSeconds) = try await Bench.measure { try await store.auditLog() }
            print(
                String(
                    format: "audit verify: %d events in %.1f s (%@), peak memory %.0f MB", audit.size, auditSeconds,
                    audit.isIntact ? "intact" : "NOT intact", Bench.maxRSSMegabytes()))
        }
    }

    /// The highlighted extract that each search result shows, over 200 published answers.
    static func timeSnippets(_ store: Store, _ searches: [String]) async throws {
        let label = "snippet"
        if let only = ProcessInfo.processInfo.environment["BENCH_ONLY"], !only.isEmpty, !label.contains(only) { return }
        let answers = try await store.database.read { db in
            try await db.query("SELECT content, answer FROM published_answers ORDER BY petition_id DESC LIMIT 200").map {
                ($0.string("content") ?? "") + " " + ($0.string("answer") ?? "")
            }
        }
        let queries = searches.map { SearchQuery($0.replacingOccurrences(of: "+", with: " ")) }
        var pieces = 0
        let (_, seconds) = await Bench.measure {
            for _ in 0..<5 { for query in queries { for text in answers { pieces += Snippet(text: text, query: query).pieces.count } } }
        }
        let count = 5 * queries.count * answers.count
        print(
            String(
                format: "%@: %.1f µs each, %d characters on average (%d snippets)", label, seconds / Double(count) * 1e6,
                answers.map(\.count).reduce(0, +) / max(1, answers.count), count))
    }

    /// Runs each address 20 times (after one warm-up) and prints the median and 95th percentile.
    static func time(_ label: String, _ client: some TestClientProtocol, _ uris: [String], headers: HTTPFields = [:]) async throws {
        // `BENCH_ONLY=conduct` times only the lines whose label contains it (for profiling one page).
        if let only = ProcessInfo.processInfo.environment["BENCH_ONLY"], !only.isEmpty, !label.contains(only) { return }
        var samples: [String: [Double]] = [:]
        for uri in uris {
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            // `BENCH_DUMP=folder` keeps each response, to see what was timed.
            if let folder = ProcessInfo.processInfo.environment["BENCH_DUMP"], !folder.isEmpty {
                let name = uri.map { $0.isLetter || $0.isNumber ? $0 : "_" }
                try Data(buffer: response.body).write(to: URL(fileURLWithPath: folder).appendingPathComponent(String(name.prefix(80))))
            }
        }
        for _ in 0..<20 {
            for uri in uris {
                let (response, seconds) = try await Bench.measure { try await client.execute(uri: uri, method: .get, headers: headers) }
                guard response.status == .ok else { throw BenchError("\(uri) answered \(response.status.code)") }
                samples[uri, default: []].append(seconds * 1000)
            }
        }
        let all = samples.values.flatMap { $0 }
        print(String(format: "%@: p50 %.1f ms, p95 %.1f ms (%d requests)", label, percentile(all, 0.5), percentile(all, 0.95), all.count))
        // With several addresses, the slowest one's too: the one to look at.
        if let (uri, slowest) = samples.max(by: { percentile($0.value, 0.5) < percentile($1.value, 0.5) }), samples.count > 1 {
            print(String(format: "    slowest %@: p50 %.1f ms, p95 %.1f ms", uri, percentile(slowest, 0.5), percentile(slowest, 0.95)))
        }
    }

    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

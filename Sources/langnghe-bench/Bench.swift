import App
import Foundation
import LangNgheCore
import LangNgheStorage
import Logging

// Prints LangNghe's performance figures on this machine. Each measurement says what it did.
// Usage: swift run -c release langnghe-bench [rows-for-export (default 1000000)]
//        swift run -c release langnghe-bench scale [petitions (default 100000)]

@main
enum Bench {
    static func maxRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    nonisolated static func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try await body()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "scale" {
            try await ScaleBench.run(count: arguments.dropFirst().first.flatMap(Int.init) ?? 100_000)
        } else {
            try await run()
        }
    }

    nonisolated static func run() async throws {
        let exportRows = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-bench-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("bench.sqlite").path
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        print("LangNghe benchmark — \(ProcessInfo.processInfo.processorCount) cores, SQLite file \(path)")

        try await Store.withStore(at: .sqliteFile(path: path), logger: logger) { store in
            try await store.migrate()
            try await store.loadReferenceData(ReferenceData.bundled())

            // 1. Submissions through the store's single write path (one transaction each).
            let reference = IntakeReference(fields: try await store.fields(), agencies: try await store.agencies())
            let draft = PetitionDraft(
                submitterKind: "individual", name: "Nguyễn Văn An", address: "Số 1 Lê Lợi, Hà Nội", phone: "0912345678", email: "",
                category: "conduct", field: "land", agencyCode: "HNI", title: "Chậm cấp sổ đỏ tại phường",
                content: String(repeating: "Nội dung phản ánh về thủ tục. ", count: 20))
            let petition = try draft.validated(against: reference).get()
            let submissions = 2_000
            let commitsBefore = (store.database as? SQLiteDatabase)?.commitCounts
            let (_, submitSeconds) = try await measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<submissions {
                        group.addTask {
                            _ = try await store.submit(
                                Intake(petition: petition, channel: .api, accessKeyHash: String(i), receivedAt: Date()))
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let commitsAfter = (store.database as? SQLiteDatabase)?.commitCounts
            print(
                String(
                    format:
                        "submissions: %d concurrent in %.2f s = %.0f per second (SQLite, synchronous=FULL, WAL, group commit: %d commits)",
                    submissions, submitSeconds, Double(submissions) / submitSeconds,
                    (commitsAfter?.batches ?? 0) - (commitsBefore?.batches ?? 0)))

            // 1b. The same through the intake service: validation against the reference data, the
            // access key, then the store; what a web or API submission costs before HTTP.
            let intake = IntakeService(store: store)
            _ = try await intake.submit(draft, uploads: [], channel: .api)  // steady state: reference data already read
            let (_, intakeSeconds) = try await measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<submissions {
                        group.addTask { _ = try await intake.submit(draft, uploads: [], channel: .api) }
                    }
                    try await group.waitForAll()
                }
            }
            print(
                String(
                    format: "intake: %d concurrent in %.2f s = %.0f per second (validation and store)", submissions, intakeSeconds,
                    Double(submissions) / intakeSeconds))

            // 2. Deadlines of every open case, as an inbox sorted by due date needs them.
            let engine = DeadlineEngine(
                calendar: WorkingCalendar(overrides: try ShippedData.calendarOverrides().overrides),
                policies: try ShippedData.deadlinePolicies())
            var cases: [CaseLog] = []
            try await store.forEachOpenCase { cases.append($0) }
            let today = CivilDate.localDate(of: Date())
            let (_, deadlineSeconds) = await measure {
                for c in cases { _ = engine.answerDeadline(for: c.events, fieldCode: c.fieldCode, category: c.category, today: today) }
            }
            print(
                String(
                    format: "deadlines: %d cases in %.3f s = %.1f µs per case", cases.count, deadlineSeconds,
                    deadlineSeconds / Double(max(cases.count, 1)) * 1e6))

            // 3. Export: fill published_answers with synthetic rows in SQL, then stream the CSV.
            let (_, fillSeconds) = try await measure {
                try await store.database.write { db in
                    // Petitions first (the answers reference them), sharing the first submitter.
                    try await db.execute(
                        """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                        INSERT INTO petitions (id, tracking_code, submitter_id, access_key_hash, channel, category, field_code, agency_code,
                            title, content, search_text, publish_name, received_at, status, updated_at)
                        SELECT 1000000 + i, 'PAKN-2025-' || printf('%07d', i), 1, '-', 'api', 'conduct', 'land', 'HNI', 'x', 'x', 'x', 0,
                            '2025-01-01T01:00:00.000Z', 'answered', '2025-02-01T01:00:00.000Z'
                        FROM n
                        """, exportRows)
                    try await db.execute(
                        """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                        INSERT INTO published_answers (petition_id, tracking_code, agency_code, category, field_code, status, received_at,
                            published_at, title, content, answer, submitter_name, useful, folded)
                        SELECT 1000000 + i, 'PAKN-2025-' || printf('%07d', i), 'HNI', 'conduct', 'land', 'answered', '2025-01-01T01:00:00.000Z',
                            '2025-02-01T01:00:00.000Z', 'Chậm cấp sổ đỏ số ' || i, 'Nội dung phản ánh, kiến nghị về thủ tục hành chính số ' || i,
                            'Cơ quan trả lời: hồ sơ đã được giải quyết đúng quy định. ' || i, NULL, NULL, 'cham cap so do so ' || i
                        FROM n
                        """, exportRows)
                }
            }
            print(String(format: "export setup: %d published answers inserted in %.1f s", exportRows, fillSeconds))
            let before = maxRSSMegabytes()
            let output = FileHandle(forWritingAtPath: "/dev/null")!
            var rows = 0
            let (_, exportSeconds) = try await measure {
                try await store.forEachPublishedAnswer(AnswerFilter()) { page in
                    var chunk = ""
                    for answer in page { chunk += OpenDataFormat.csvRow(answer) }
                    rows += page.count
                    output.write(Data(chunk.utf8))
                }
            }
            let after = maxRSSMegabytes()
            print(
                String(
                    format:
                        "export: %d rows streamed as CSV in %.1f s = %.0f rows per second; peak memory %.0f MB before, %.0f MB after (pages of 500 rows)",
                    rows, exportSeconds, Double(rows) / exportSeconds, before, after))
        }
        try? FileManager.default.removeItem(at: folder)

    }
}

import Foundation
import LangNgheStorage
import Testing

/// Issue 12 §1: SQLite writes are durable and grouped. Writes that arrive together share one
/// transaction and one fsync, each in its own savepoint: one that fails leaves nothing and takes
/// no other down.
@Suite struct GroupCommitTests {
    static func withFile(_ body: (SQLiteDatabase) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("db.sqlite").path)
        try await database.write { db in try await db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT NOT NULL)") }
        try await body(database)
    }

    @Test func concurrentWritesShareCommitsAndAFailureStaysAlone() async throws {
        try await Self.withFile { database in
            struct Refused: Error {}
            let before = database.commitCounts
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for n in 0..<64 {
                    group.addTask {
                        do {
                            try await database.write { db in
                                try await db.execute("INSERT INTO t (n, v) VALUES (?, ?)", n, "x")
                                // Every seventh write fails after it wrote: its row must not stay.
                                if n % 7 == 3 { throw Refused() }
                                // A constraint error in one write is that write's alone.
                                if n == 5 { try await db.execute("INSERT INTO t (n, v) VALUES (?, ?)", 0, "dup") }
                            }
                            return (n, true)
                        } catch {
                            return (n, false)
                        }
                    }
                }
                var all: [Int: Bool] = [:]
                for await (n, ok) in group { all[n] = ok }
                return all
            }
            let expected = Set((0..<64).filter { $0 % 7 != 3 && $0 != 5 })
            #expect(Set(outcomes.filter(\.value).keys) == expected)
            let stored = try await database.read { db in try await db.query("SELECT n FROM t ORDER BY n").compactMap { $0.int("n") } }
            #expect(Set(stored) == expected)
            let after = database.commitCounts
            #expect(after.writes - before.writes == 64)
            #expect(after.batches - before.batches < 64, "writes that arrive together share a commit")
        }
    }

    /// A batch blocks in fsync at its commit: it runs on the writer's own queue, so that the
    /// shared pool's threads go on serving requests meanwhile.
    @Test func writesRunOffTheSharedPool() async throws {
        try await Self.withFile { database in
            let writing = try await database.write { _ in SQLiteDatabase.onWriterQueue }
            let reading = try await database.read { _ in SQLiteDatabase.onWriterQueue }
            #expect(writing)
            #expect(!reading)
            #expect(!SQLiteDatabase.onWriterQueue)
        }
    }

    @Test func commitsWaitForTheDisk() async throws {
        try await Self.withFile { database in
            let mode = try await database.write { db in try await db.query("PRAGMA synchronous").first?.int("synchronous") }
            #expect(mode == 2, "FULL: a commit is on disk before it is answered")
        }
    }
}

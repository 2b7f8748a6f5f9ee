import Foundation
import LangNgheCore
import Testing

@testable import LangNgheStorage

/// The storage promises of `SQLDatabase`, on whichever database runs the suite, and the
/// migration to typed events.
@Suite struct StorageTests {
    @Test func eventsStoredBeforeTypedEventsAreConverted() async throws {
        try await TestDatabase.withEmptyStore { store in
            try await Migrator(database: store.database).migrate(through: "v6-admin-grants")
            try await store.loadReferenceData(ReferenceData.bundled())
            // setup: a petition and its events as the old schema wrote them, text and a bag of strings.
            let code = TrackingCode(year: 2026, number: 1)
            try await store.database.write { db in
                try await db.execute(
                    "INSERT INTO submitters (kind, name, address, phone, email) VALUES ('individual', 'Lê Văn B', 'Số 1', '0900000001', '')"
                )
                try await db.execute(
                    """
                    INSERT INTO petitions (tracking_code, submitter_id, access_key_hash, channel, category, title, content, search_text,
                        publish_name, received_at, status, updated_at)
                    VALUES (?, 1, 'x', 'web', 'proposal', 'Đề xuất', 'Nội dung', 'de xuat', 0, '2026-03-12T02:00:00.000Z', 'assigned', '2026-03-12T02:00:00.000Z')
                    """, code.description)
                let rows: [(Int, String, String, String)] = [
                    (1, "submitted", "", #"{"channel":"web"}"#),
                    (2, "assigned", "", #"{"coordinatingAgencies":"BYT,BXD","leadAgency":"BTC"}"#),
                    (3, "observerInvited", "", #"{"observer":"nhabao","observerID":"77"}"#),
                    (4, "rated", "Tốt", #"{"satisfaction":"4"}"#),
                ]
                for (sequence, type, text, data) in rows {
                    try await db.execute(
                        "INSERT INTO events (petition_id, sequence, type, at, actor_kind, actor_id, agency_code, text, is_public, data) VALUES (1, ?, ?, '2026-03-12T03:00:00.000Z', 'system', NULL, 'VPCP', ?, 1, ?)",
                        sequence, type, text, data)
                }
            }
            // MUT
            try await store.migrate()
            // validate
            let events = try #require(try await store.petition(code)).events
            #expect(events.map(\.type) == [.submitted, .assigned, .observerInvited, .rated])
            #expect(events[1].body(Assigned.self) == Assigned(leadAgency: "BTC", coordinatingAgencies: ["BYT", "BXD"]))
            #expect(events[3].body(Rated.self) == Rated(satisfaction: 4, comment: "Tốt"))
            let page = try await store.inbox(InboxFilter(scope: .invited(observerID: 77)))
            #expect(page.items.map(\.trackingCode) == [code])
        }
    }

    /// A period's sums read from whole months, added days and months less the days left out are
    /// the sums of its facts, whatever the period.
    @Test func periodSumsAreTheSumsOfTheirFacts() async throws {
        try await TestDatabase.withStore { store in
            let code = try await Self.submitOne(store)
            let id =
                try await store.database.read { db in
                    try await db.first("SELECT id FROM petitions WHERE tracking_code = ?", code.description)?.int("id")
                } ?? 0
            var random = SystemRandomNumberGenerator()
            let start = CivilDate(year: 2025, month: 11, day: 20)!
            let measures: [StatisticsFact.Measure] = [.received, .answered, .answeredLate, .answerDays, .rating]
            let facts = (0..<600).map { _ in
                let measure = measures.randomElement(using: &random)!
                return StatisticsFact(
                    day: start.adding(days: Int.random(in: 0..<400, using: &random)),
                    agencyCode: ["BTC", "BYT"].randomElement(using: &random)!,
                    category: PetitionCategory.allCases.randomElement(using: &random)!, measure: measure,
                    detail: measure == .answerDays || measure == .rating ? String(Int.random(in: 1...5, using: &random)) : "")
            }
            try await store.database.write { db in try await Store.recordFacts(petitionID: id, facts, fresh: true, in: db) }
            func key(_ month: String, _ agency: String, _ category: PetitionCategory?, _ measure: StatisticsFact.Measure, _ detail: String)
                -> String
            {
                [month, agency, category?.rawValue ?? "", measure.rawValue, detail].joined(separator: "|")
            }
            var periods: [ClosedRange<CivilDate>] = [
                start...start.adding(days: 399), CivilDate(year: 2025, month: 12, day: 2)!...CivilDate(year: 2026, month: 12, day: 1)!,
                CivilDate(year: 2026, month: 3, day: 1)!...CivilDate(year: 2026, month: 3, day: 31)!,
                CivilDate(year: 2026, month: 3, day: 2)!...CivilDate(year: 2026, month: 3, day: 30)!,
                CivilDate(year: 2026, month: 3, day: 5)!...CivilDate(year: 2026, month: 3, day: 9)!,
            ]
            for _ in 0..<20 {
                let a = start.adding(days: Int.random(in: -10..<410, using: &random))
                let b = a.adding(days: Int.random(in: 0..<200, using: &random))
                periods.append(a...b)
            }
            for period in periods {
                var expected: [String: Int] = [:]
                for fact in facts where period.contains(fact.day) {
                    let month = Rollup.isSeries(fact.measure) ? Rollup.month(year: fact.day.year, month: fact.day.month) : ""
                    let category = fact.measure == .received ? fact.category : nil
                    expected[key(month, fact.agencyCode, category, fact.measure, fact.detail), default: 0] += 1
                }
                var actual: [String: Int] = [:]
                // The petition's own receipt is not one of the facts under test.
                for count in try await store.rollupCounts(period) where count.measure != .submitted {
                    actual[key(count.month, count.agencyCode, count.category, count.measure, count.detail), default: 0] += count.count
                }
                #expect(actual == expected, "\(period): \(MonthSplit(period)), \(actual.count) sums for \(expected.count)")
            }
            // The year of the benchmark reads one month less a day, and one day.
            let year = MonthSplit(CivilDate(year: 2025, month: 12, day: 2)!...CivilDate(year: 2026, month: 12, day: 1)!)
            #expect(year.wholeMonths == "2025-12"..."2026-11")
            #expect(year.subtractedDays == [CivilDate(year: 2025, month: 12, day: 1)!...CivilDate(year: 2025, month: 12, day: 1)!])
            #expect(year.addedDays == [CivilDate(year: 2026, month: 12, day: 1)!...CivilDate(year: 2026, month: 12, day: 1)!])
        }
    }

    @Test func aBadlyStoredEventIsAnErrorNotASkippedRow() async throws {
        try await TestDatabase.withStore { store in
            let code = try await Self.submitOne(store)
            try await store.database.write { db in try await db.execute("UPDATE events SET data = '{\"channel\":\"pigeon\"}'") }
            await #expect(throws: UnreadableEvent.self) { try await store.petition(code) }
            // Appending refuses too, rather than reusing the unreadable event's sequence number.
            await #expect(throws: UnreadableEvent.self) { try await store.append([], to: code) }
        }
    }

    @Test func aFailedWriteLeavesNothingAndACancelledOneDoesNotJamTheNext() async throws {
        try await TestDatabase.withStore { store in
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.database.write { db in
                    try await db.execute("INSERT INTO counters (name, value) VALUES ('a', 1)")
                    throw Refused()
                }
            }
            // A task cancelled in the middle of its transaction.
            let task = Task {
                try await store.database.write { db in
                    try await db.execute("INSERT INTO counters (name, value) VALUES ('b', 1)")
                    try await Task.sleep(for: .seconds(30))
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            _ = await task.result
            // The next write goes through, and neither of the failed ones left a row.
            try await store.database.write { db in try await db.execute("INSERT INTO counters (name, value) VALUES ('c', 1)") }
            let names = try await store.database.read { db in
                try await db.query("SELECT name FROM counters ORDER BY name").compactMap { $0.string("name") }
            }
            #expect(names == ["c"])
        }
    }

    /// A read spanning several statements sees one snapshot, even when a write commits between
    /// them (on a file database, where reads do not share the writer's connection).
    @Test func aReadSeesOneSnapshot() async throws {
        try await TestDatabase.withFileOrServerStore { store in
            try await store.database.write { db in try await db.execute("INSERT INTO counters (name, value) VALUES ('x', 1)") }
            let (before, after) = try await store.database.read { db in
                let before = try await db.first("SELECT value FROM counters WHERE name = 'x'")?.int("value")
                try await store.database.write { db in try await db.execute("UPDATE counters SET value = 2 WHERE name = 'x'") }
                let after = try await db.first("SELECT value FROM counters WHERE name = 'x'")?.int("value")
                return (before, after)
            }
            #expect(before == 1 && after == 1)
            #expect(
                try await store.database.read { db in try await db.first("SELECT value FROM counters WHERE name = 'x'")?.int("value") } == 2
            )
        }
    }

    /// One petition through the store's submission path.
    static func submitOne(_ store: Store) async throws -> TrackingCode {
        try await store.submit(
            Intake(
                petition: ValidPetition(
                    submitter: Submitter(kind: .individual, name: "Lê Văn B", address: "Số 1 Lê Lợi", phone: "0900000001", email: ""),
                    category: .proposal, fieldCode: nil, agencyCode: nil, title: "Đề xuất", content: "Đề xuất nội dung", publishName: false),
                channel: .web, accessKeyHash: "x", receivedAt: Date()))
    }
}

import Foundation
import LangNgheCore
import Testing

@testable import LangNgheStorage

/// The read models kept in step with each event are exactly what rebuilding them from the
/// events gives, over random histories; and they answer the queues' sorts and filters.
@Suite struct ProjectionTests {
    /// Random walks through the workflow: at each step one allowed event, by whoever may.
    @Test(arguments: [1, 2, 3])
    func incrementalReadModelsEqualARebuild(seed: UInt64) async throws {
        try await TestDatabase.withStore { store in
            var random = SplitMix(seed: seed)
            let reference = Workflow.Reference(activeAgencies: ["BTC", "BYT", "BXD", "HCM"])
            let principals: [Principal] = [
                .submitter, .staff(StaffIdentity(id: 1, username: "vpcp", agencyCode: "VPCP", role: .coordinator)),
                .staff(StaffIdentity(id: 2, username: "o", agencyCode: "BTC", role: .officer)),
                .staff(StaffIdentity(id: 3, username: "l", agencyCode: "BTC", role: .leader)),
                .staff(StaffIdentity(id: 4, username: "y", agencyCode: "BYT", role: .officer)),
            ]
            var at = Date(timeIntervalSince1970: 1_780_000_000)
            for _ in 0..<20 {
                let code = try await store.submit(Self.intake(at: at))
                for _ in 0..<Int.random(in: 4...20, using: &random) {
                    at = at.addingTimeInterval(Double.random(in: 3600...(8 * 86_400), using: &random))
                    let now = at
                    let pick = UInt64.random(in: 0...UInt64.max, using: &random)
                    _ = try? await store.append(to: code) { state in
                        // The first principal, from a random one on, who may do something.
                        for i in 0..<principals.count {
                            let principal = principals[(Int(pick % 5) + i) % principals.count]
                            let allowed = Workflow.allowedEvents(for: principal, on: state).filter {
                                $0 != .redacted && $0 != .merged && $0 != .noteAdded
                            }
                            guard !allowed.isEmpty else { continue }
                            let type = allowed[Int((pick / 7) % UInt64(allowed.count))]
                            return [
                                try Workflow.prepare(
                                    type, input: Self.input(type, pick: pick), by: principal, on: state, reference: reference, at: now
                                ).get()
                            ]
                        }
                        return []
                    }
                }
            }
            let incremental = try await Self.snapshot(store)
            try await store.rebuildProjections()
            let rebuilt = try await Self.snapshot(store)
            #expect(incremental == rebuilt)
            let events = try await store.database.read { db in try await db.first("SELECT COUNT(*) AS n FROM events")?.int("n") ?? 0 }
            let clocks = try await store.database.read { db in try await db.first("SELECT COUNT(*) AS n FROM case_clocks")?.int("n") ?? 0 }
            #expect(events > 40 && clocks > 0, "\(events) events, \(clocks) open clocks: the walk did too little")

            // A period's counts, read from the monthly sums for its whole months and from the
            // days for the rest, are the sums of the facts of its days.
            let facts = try await store.database.read { db in
                try await db.query("SELECT day, agency_code, category, measure, detail FROM case_facts").map(StatisticsFact.init(row:))
            }
            let days = facts.map(\.day).sorted()
            let (first, last) = (try #require(days.first), try #require(days.last))
            for _ in 0..<12 {
                let a = first.adding(days: Int.random(in: -40...(last.julianDay - first.julianDay), using: &random))
                let b = a.adding(days: Int.random(in: 0...400, using: &random))
                for period in [a...b, a.firstDayOfMonth...b.lastDayOfMonth, a...a.lastDayOfMonth] {
                    let read = try await store.rollupCounts(period)
                    let summed = Rollup.counts(of: facts, in: period)
                    #expect(Set(read) == Set(summed), "\(period)")
                    #expect(read.count == summed.count, "\(period)")
                }
            }
        }
    }

    @Test func queuesSortByDueDateAndFindTheOverdueFromTheCaseRows() async throws {
        try await TestDatabase.withStore { store in
            let received = Timestamp.date("2026-03-11T03:00:00.000Z")!  // Vietnam 10:00: due 2026-04-08
            let early = try await store.submit(Self.intake(at: received))
            let late = try await store.submit(Self.intake(at: received.addingTimeInterval(7 * 86_400)))
            let refused = try await store.submit(Self.intake(at: received.addingTimeInterval(86_400)))
            try await store.append(
                [
                    PetitionEvent(
                        sequence: 0, at: received.addingTimeInterval(2 * 86_400), actor: .system, agencyCode: "VPCP",
                        body: Rejected(reasonCode: .abusive))
                ], to: refused)
            let byDue = try await store.inbox(InboxFilter(scope: .all, sort: .due)).items.map(\.trackingCode)
            #expect(byDue == [early, late, refused])
            let overdue = try await store.inbox(InboxFilter(scope: .all, overdueOn: CivilDate(iso: "2026-04-09")!)).items.map(
                \.trackingCode)
            #expect(overdue == [early])
            // An agency's queue, read from its own rows, sorts, filters and counts the same way,
            // for the lead and the coordinating agency alike.
            let assigned = received.addingTimeInterval(8 * 86_400)
            for (code, lead) in [(late, "BTC"), (early, "BYT")] {
                try await store.append(
                    [
                        PetitionEvent(
                            sequence: 0, at: assigned, actor: .system, agencyCode: "VPCP",
                            body: Assigned(leadAgency: lead, coordinatingAgencies: lead == "BYT" ? ["BTC"] : []))
                    ],
                    to: code)
            }
            let btc = try await store.inbox(InboxFilter(scope: .agency("BTC"), sort: .due))
            #expect(btc.items.map(\.trackingCode) == [early, late])
            #expect(btc.total == 2 && btc.countsByStatus[.assigned] == 2)
            #expect(try await store.inbox(InboxFilter(scope: .agency("BTC"))).items.map(\.trackingCode) == [late, early])
            #expect(
                try await store.inbox(InboxFilter(scope: .agency("BTC"), overdueOn: CivilDate(iso: "2026-04-09")!)).items.map(
                    \.trackingCode) == [early])
            #expect(try await store.inbox(InboxFilter(scope: .agency("BYT"), statuses: [.received])).total == 0)
            // A day off entered later moves every open case's due date with it.
            try await store.saveCalendarOverride(
                CalendarOverride(date: CivilDate(iso: "2026-04-06")!, kind: .dayOff, reason: "Nghỉ bù", legalBasis: "Thông báo thử"))
            #expect(try await store.inbox(InboxFilter(scope: .all, overdueOn: CivilDate(iso: "2026-04-09")!)).items.isEmpty)
            #expect(try await store.inbox(InboxFilter(scope: .agency("BTC"), overdueOn: CivilDate(iso: "2026-04-09")!)).items.isEmpty)
        }
    }

    static func intake(at date: Date) -> Intake {
        Intake(
            petition: ValidPetition(
                submitter: Submitter(kind: .individual, name: "Trần Thị C", address: "Số 2 Hàng Bài", phone: "0900000002", email: ""),
                category: .regulation, fieldCode: nil, agencyCode: nil, title: "Thủ tục rườm rà", content: "Đề nghị đơn giản hoá thủ tục.",
                publishName: false),
            channel: .web, accessKeyHash: "x", receivedAt: date)
    }

    /// Fields that make each event valid, varied by `pick`.
    static func input(_ type: EventType, pick: UInt64) -> EventInput {
        let agencies = ["BTC", "BYT", "BXD", "HCM"]
        let agency = agencies[Int(pick % 4)]
        let long = "Bộ đang lấy ý kiến các cơ quan liên quan, lần \(pick % 3)."
        return EventInput([
            "leadAgency": agency, "coordinatingAgencies": agencies[Int((pick / 4) % 4)] == agency ? "" : agencies[Int((pick / 4) % 4)],
            "reasonCode": "duplicate", "reason": pick % 2 == 0 ? "governmentAuthority" : "disagreement", "message": "Bổ sung giấy tờ",
            "content": "Nội dung", "note": pick % 3 == 0 ? "Ngắn" : long, "agency": agency == "BYT" ? "BXD" : "BYT", "question": "Ý kiến?",
            "reply": "Đồng ý", "satisfaction": String(pick % 5 + 1), "summary": "Trình Thủ tướng", "decision": "Giao thực hiện",
            "outcome": pick % 2 == 0 ? "close" : "implement", "result": "Sửa thông tư", "observerID": "9", "observer": "nb",
        ])
    }

    /// Every read model, as rows of text.
    static func snapshot(_ store: Store) async throws -> [String] {
        try await store.database.read { db in
            var rows: [String] = []
            let queries = [
                "SELECT id, status, lead_agency_code, awaiting, updated_at, due_date, due_at, due_sort, clock, restarts, last_public_at, published FROM petitions ORDER BY id",
                "SELECT petition_id, agency_code, role, status, due_date, due_sort, received_at FROM petition_agencies ORDER BY petition_id, agency_code",
                "SELECT petition_id, staff_id FROM case_observers ORDER BY petition_id, staff_id",
                "SELECT petition_id, policy, agency_code, due_date, due_at FROM case_clocks ORDER BY petition_id, policy, agency_code, due_at",
                "SELECT petition_id, status, published_at, title, answer, useful, folded FROM published_answers ORDER BY petition_id",
                "SELECT petition_id, day, agency_code, category, measure, detail FROM case_facts ORDER BY petition_id, day, agency_code, measure, detail",
                "SELECT day, agency_code, category, measure, detail, count FROM rollups ORDER BY day, agency_code, category, measure, detail",
                "SELECT month, agency_code, category, measure, detail, count FROM rollups_monthly ORDER BY month, agency_code, category, measure, detail",
            ]
            for sql in queries {
                for row in try await db.query(sql) {
                    rows.append(row.columns.enumerated().map { "\($1)=\(row.values[$0])" }.joined(separator: " "))
                }
            }
            return rows
        }
    }
}

/// A small deterministic generator, so that a failing history can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Issue 13: a report read from the sums kept beside the events (rollups, the facts' index, the
/// cases open at the period's end) has the very bytes of the report replayed from every case's
/// events, for the whole system and for each agency, whatever the period.
@Suite struct ReportSumsTests {
    @Test func theSumsGiveTheBytesOfTheReplay() async throws {
        try await withApp { _, store in
            try await DemoSeeder(store: store, count: 600, seed: 13, until: Date()).run()
            try await Self.addRareSteps(in: store)
            let service = ReportService(store: store)
            let later = Date().addingTimeInterval(200 * 86_400)
            let current = ReportPeriod(quarterOf: CivilDate.localDate(of: Date()))
            let last = current.previous
            let periods = [
                current, last, last.previous, try #require(ReportPeriod("\(last.from.year)-H1")),
                try #require(ReportPeriod(from: last.from.adding(days: 9), to: last.to.adding(days: -17))),
            ]
            var seen = (overdue: 0, prolonged: 0, escalations: 0, useful: 0, merged: 0, named: 0)
            for period in periods {
                let whole = try await service.generate(period, agency: nil, audience: .internal, now: later, fromEvents: true)
                let busiest = whole.agencies.sorted { $0.received > $1.received }.prefix(3).map(\.agency)
                for agency in [nil, Agency.governmentOfficeCode] + busiest {
                    let head = whole.parameters.head.size
                    let replayed = try await service.generate(
                        period, agency: agency, audience: .internal, headSize: head, now: later, fromEvents: true)
                    let summed = try await service.generate(period, agency: agency, audience: .internal, headSize: head, now: later)
                    let differences = try Self.differences(summed, replayed)
                    #expect(differences.isEmpty, "\(period.label) \(agency ?? "all"): \(differences)")
                    #expect(try summed.canonicalBytes() == replayed.canonicalBytes())
                    // Read again from what the first kept: the same.
                    let kept = try await service.generate(period, agency: agency, audience: .internal, headSize: head, now: later)
                    #expect(try kept.canonicalBytes() == replayed.canonicalBytes())
                }
                seen.overdue += whole.overdueAtEnd.count
                seen.prolonged += whole.prolongedAtEnd.count
                seen.escalations += whole.escalations.count
                seen.useful += whole.useful.count
                seen.merged += whole.outcomes.merged
                seen.named += whole.named.count
                // Kept for a quarter's end only: other days would pile up, one for each report.
                let kept = try await store.periodEnd(period.to) != nil
                #expect(kept == (ReportPeriod(quarterOf: period.to).to == period.to), "\(period.label)")
            }
            // The comparison covered every part the sums give, not empty tables.
            #expect(seen.overdue > 0 && seen.prolonged > 0 && seen.escalations > 0 && seen.useful > 0 && seen.merged > 0, "\(seen)")
        }
    }

    /// The parts of two reports that differ, each as its two JSON texts: what a failure shows.
    static func differences(_ a: PeriodReport, _ b: PeriodReport) throws -> String {
        let parts = { (r: PeriodReport) in
            try JSONSerialization.jsonObject(with: Data(try r.canonicalBytes())) as? [String: Any] ?? [:]
        }
        let (x, y) = (try parts(a), try parts(b))
        let text = { (value: Any?) in
            String(
                decoding: (try? JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: .sortedKeys)) ?? Data(), as: UTF8.self)
        }
        return x.keys.sorted().compactMap { key in
            let (one, two) = (text(x[key]), text(y[key]))
            return one == two ? nil : "\(key): \(one.prefix(600)) <> \(two.prefix(600))"
        }.joined(separator: "\n")
    }

    /// Steps the demo's history seldom has, made now (in the current quarter): a case restarted
    /// twice without an answer (prolonged), one marked useful, one merged into another.
    static func addRareSteps(in store: Store) async throws {
        let rows = try await store.database.read { db in
            try await db.query(
                "SELECT tracking_code, status FROM petitions WHERE status IN ('inProgress', 'answered', 'received') ORDER BY id")
        }
        func code(_ status: String, _ n: Int = 0) throws -> TrackingCode {
            let codes = rows.filter { $0.string("status") == status }.compactMap { TrackingCode($0.string("tracking_code") ?? "") }
            try #require(codes.count > n, "\(status) \(n)")
            return codes[n]
        }
        let restart = {
            PetitionEvent(sequence: 0, at: Date(), actor: .system, agencyCode: nil, body: ProgressUpdated(note: "Đang xác minh"))
        }
        try await store.append([restart(), restart()], to: try code("inProgress"))
        try await store.append(
            [PetitionEvent(sequence: 0, at: Date(), actor: .system, agencyCode: nil, body: MarkedUseful(result: "Sửa quy trình"))],
            to: try code("answered"))
        try await store.append(
            [PetitionEvent(sequence: 0, at: Date(), actor: .system, agencyCode: nil, body: Merged(into: try code("inProgress", 2)))],
            to: try code("inProgress", 1))
    }

    @Test func anEventOnOrBeforeAKeptDayIsCountedAgain() async throws {
        try await withApp { _, store in
            try await DemoSeeder(store: store, count: 200, seed: 5, until: Date()).run()
            let service = ReportService(store: store)
            let quarter = ReportPeriod(quarterOf: CivilDate.localDate(of: Date())).previous
            let before = try await service.generate(quarter, agency: nil, audience: .internal, now: Date())
            let kept = try #require(try await store.periodEnd(quarter.to))
            let at = quarter.to.startOfDay(offsetSeconds: 7 * 3_600).addingTimeInterval(12 * 3_600)
            // A case open at the end with nothing since (its log stays in time order)…
            var untouched: TrackingCode?
            for open in kept.cases {
                let code = try #require(TrackingCode(open.trackingCode))
                if let last = try await store.petition(code)?.events.last?.at, last < at {
                    untouched = code
                    break
                }
            }
            // …closed by an event dated the quarter's last day, appended now (as the demo's
            // history is, and a clerk's late record might be).
            let code = try #require(untouched)
            try await store.append([PetitionEvent(sequence: 0, at: at, actor: .system, agencyCode: nil, body: Closed())], to: code)
            #expect(try await store.periodEnd(quarter.to) == nil)

            let after = try await service.generate(quarter, agency: nil, audience: .internal, now: Date())
            #expect(after.outcomes.openAtEnd == before.outcomes.openAtEnd - 1)
            let replayed = try await service.generate(
                quarter, agency: nil, audience: .internal, headSize: after.parameters.head.size, now: Date(), fromEvents: true)
            #expect(try after.canonicalBytes() == replayed.canonicalBytes())
            // The old head saw the case open: regenerated from it, the report is what it was.
            let old = try await service.generate(
                quarter, agency: nil, audience: .internal, headSize: before.parameters.head.size, now: Date())
            #expect(try old.canonicalBytes() == before.canonicalBytes())
        }
    }
}

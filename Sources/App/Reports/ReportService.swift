import Foundation
import LangNgheCore
import LangNgheStorage
import Synchronization

/// Generates reports from the signed tree head, signs them with the Government Office's key and
/// renders them (issue 13): what the CLI, the back office and the portal share.
struct ReportService: Sendable {
    let store: Store
    var criteria = RankingCriteria.standard

    /// What a request for a report may get wrong, named by the field it came in.
    enum Problem: Error {
        /// The period has not ended: its figures "at the end" would be guesses.
        case periodNotOver(field: String, endsOn: CivilDate)
        case unknownAgency(field: String)
        /// No signed head of that size (a report names the head it was computed from).
        case unknownHead(field: String)
    }

    /// The report of `period` for the whole system or one agency, computed from the events under
    /// the signed head of `headSize` leaves, or under a head of the whole log signed now (or in
    /// the last `headMaxAge` seconds: pages sign at most one head every few minutes).
    func generate(
        _ period: ReportPeriod, agency: String?, audience: ReportAudience, headSize: Int? = nil, headMaxAge: TimeInterval = 0, now: Date,
        fromEvents: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> PeriodReport {
        let engine = try await store.deadlineEngine()
        let today = CivilDate.localDate(of: now, offsetSeconds: engine.officeHours.utcOffsetSeconds)
        guard period.to < today else { throw Problem.periodNotOver(field: "period", endsOn: period.to) }
        let agencies = try await store.agencies()
        if let agency, !agencies.contains(where: { $0.code == agency }) { throw Problem.unknownAgency(field: "agency") }
        guard let head = try await store.reportHead(size: headSize, maxAge: headMaxAge, now: now) else {
            throw Problem.unknownHead(field: "head")
        }
        let empty = ReportBuilder(period: period, agency: agency, engine: engine, criteria: criteria)
        let builder: ReportBuilder
        if !fromEvents, let summed = try await buildFromSums(empty, headSize: head.size, progress: progress) {
            builder = summed
        } else {
            builder = try await build(empty, cases: .all(period), headSize: head.size, progress: progress)
        }
        return builder.finish(
            head: PeriodReport.Head(
                size: head.size, rootHash: head.root.hex, timestamp: head.timestamp,
                keyID: head.keyID, signature: Data(head.signature).base64EncodedString()),
            audience: audience, agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0.nameVi) }),
            fieldNames: Dictionary(uniqueKeysWithValues: try await store.fields().map { ($0.code, $0.nameVi) }))
    }

    /// The report's figures from what the database keeps summed, which give the same bytes as
    /// replaying every case (`fromEvents`; tested) in a fraction of the time: the statistics
    /// facts' rollups, the naming evidence and receipts from the facts' index, the cases open at
    /// the period's end as kept for that day (computed and kept the first time), and only the
    /// few cases with a step listed one by one (merges, escalations, decisions…) replayed.
    ///
    /// Nil when what is kept cannot stand for the head: one signed before some event on or
    /// before the period's last day (a report regenerated from an old head is then replayed).
    private func buildFromSums(
        _ empty: ReportBuilder, headSize: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> ReportBuilder? {
        let period = empty.period
        // The parts are read at once, the cases with steps replayed by a reader per core.
        async let steps = build(
            empty, cases: .steps(period, leadsOnly: empty.agency == nil), headSize: headSize, progress: nil, add: { $0.addSteps(of: $1) },
            merge: { $0.merge($1) })
        async let current = store.rollupCounts(period.days)
        async let previous = store.rollupCounts(period.previous.days)
        async let evidence = store.namingEvidence(period.days, today: nil)
        async let receipts = store.reportReceipts(period, agency: empty.agency)
        guard let ends = try await casesOpen(atEndOf: period, headSize: headSize, progress: progress) else { return nil }
        var builder = try await steps
        for end in ends { builder.add(end) }
        builder.addSums(current: try await current, previous: try await previous)
        let found = try await evidence
        builder.addEvidence(found, codes: try await store.trackingCodes(of: found.map(\.petitionID)))
        let received = try await receipts
        builder.addReceipts(received.counts, previousTotal: received.previousTotal)
        // The sums were read in several transactions: an event on or before the period's last
        // day appended meanwhile (beyond the head) would be in some of them.
        let size = try await store.logSize()
        guard try await !store.hasEvents(onOrBefore: period.to, positions: headSize..<max(headSize, size)) else { return nil }
        return builder
    }

    /// The cases open at the end of the period as the head saw them: as kept for that day, or
    /// computed from the log now (and kept, for a quarter's end). Nil when the head and the log differ on some event
    /// on or before that day.
    private func casesOpen(
        atEndOf period: ReportPeriod, headSize: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> [CaseAtEnd]? {
        let day = period.to
        // Every event up to that day is among the first `size` leaves: the head sees the same
        // ones if it holds those leaves, or if the leaves it lacks all came after that day.
        func agrees(withLogOf size: Int) async throws -> Bool {
            size <= headSize ? true : try await !store.hasEvents(onOrBefore: day, positions: headSize..<size)
        }
        if let kept = try await store.periodEnd(day) {
            return try await agrees(withLogOf: kept.logSize) ? kept.cases : nil
        }
        let size = try await store.logSize()
        guard try await agrees(withLogOf: size) else { return nil }
        let engine = try await store.deadlineEngine()
        let parts = try await build(
            [CaseAtEnd](), cases: .openAtEnd(period), headSize: size, progress: progress,
            add: { part, c in if let end = CaseAtEnd(c, on: day, engine: engine) { part.append(end) } },
            merge: { $0 += $1 })
        let ends = parts.sorted { $0.petitionID < $1.petitionID }
        // Kept for a quarter's last day (a half-year's too): reports end there again and again;
        // any other day's would pile up in the database for one report each.
        if ReportPeriod(quarterOf: day).to == day { try await store.keepPeriodEnd(day, logSize: size, cases: ends) }
        return ends
    }

    /// The builder fed every case of `cases` under the head.
    private func build(
        _ empty: ReportBuilder, cases: Store.ReportCases, headSize: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> ReportBuilder {
        try await build(
            empty, cases: cases, headSize: headSize, progress: progress, add: { $0.add($1) }, merge: { $0.merge($1) })
    }

    /// `cases` read by one reader per core (at most four), each reading and replaying its
    /// share into its own part: reading and decoding the events is most of the work. The parts
    /// are merged; what they make does not depend on how the cases were shared.
    private func build<Part: Sendable>(
        _ empty: Part, cases: Store.ReportCases, headSize: Int, progress: (@Sendable (Int, Int) -> Void)?,
        add: @escaping @Sendable (inout Part, ReportCase) -> Void, merge: @escaping @Sendable (inout Part, Part) -> Void
    ) async throws -> Part {
        let readers = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let counts = ReaderProgress(readers: readers)
        return try await withThrowingTaskGroup(of: Part.self) { group in
            for index in 0..<readers {
                group.addTask {
                    var part = empty
                    try await store.forEachReportCase(
                        cases, headSize: headSize, shard: (index, readers),
                        progress: { done, total in
                            let sum = counts.update(index, done: done, total: total)
                            progress?(sum.done, sum.total)
                        }
                    ) { add(&part, $0) }
                    return part
                }
            }
            var whole = empty
            for try await part in group { merge(&whole, part) }
            return whole
        }
    }

    /// The last quarter that ended before `today`.
    static func lastFinishedQuarter(before today: CivilDate) -> ReportPeriod {
        ReportPeriod(quarterOf: today).previous
    }

    /// Publishes the public version of the whole system's report for `quarter`, signed, once:
    /// false when it was already published (a published report is never replaced), or when the
    /// system had nothing in that quarter (a new installation: nothing received, answered or open).
    func publish(_ quarter: ReportPeriod, passphrase: CAPassphrase, now: Date) async throws -> Bool {
        guard try await store.publishedReport(quarter.label) == nil else { return false }
        let report = try await generate(quarter, agency: nil, audience: .public, now: now)
        guard report.received.total > 0 || report.outcomes.answered > 0 || report.outcomes.openAtEnd > 0 else { return false }
        return try await store.publish(try await sign(report, passphrase: passphrase, now: now), at: now)
    }

    /// What the scheduler does every run: publishes the quarter that ended last, if it is not yet.
    func publishDue(passphrase: CAPassphrase, now: Date) async throws -> ReportPeriod? {
        let offset = try await store.deadlineEngine().officeHours.utcOffsetSeconds
        let quarter = Self.lastFinishedQuarter(before: CivilDate.localDate(of: now, offsetSeconds: offset))
        return try await publish(quarter, passphrase: passphrase, now: now) ? quarter : nil
    }

    /// The report signed by the Government Office, now.
    func sign(_ report: PeriodReport, passphrase: CAPassphrase, now: Date) async throws -> SignedReport {
        let office = Agency.governmentOfficeCode
        let identity = try await store.signingIdentity(agency: office, passphrase: passphrase, now: now)
        return try identity.sign(SignedReport.Content(report: report, signedAt: Timestamp.string(now), agency: office))
    }
}

/// The readers' progress, added up for one progress bar.
private final class ReaderProgress: Sendable {
    private let counts: Mutex<[(done: Int, total: Int)]>

    init(readers: Int) { counts = Mutex(Array(repeating: (0, 0), count: readers)) }

    func update(_ reader: Int, done: Int, total: Int) -> (done: Int, total: Int) {
        counts.withLock { counts in
            counts[reader] = (done, total)
            return counts.reduce((0, 0)) { ($0.done + $1.done, $0.total + $1.total) }
        }
    }
}

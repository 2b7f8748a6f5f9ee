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
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> PeriodReport {
        let engine = try await store.deadlineEngine()
        let today = CivilDate.localDate(of: now, offsetSeconds: engine.officeHours.utcOffsetSeconds)
        guard period.to < today else { throw Problem.periodNotOver(field: "period", endsOn: period.to) }
        let agencies = try await store.agencies()
        if let agency, !agencies.contains(where: { $0.code == agency }) { throw Problem.unknownAgency(field: "agency") }
        guard let head = try await store.reportHead(size: headSize, maxAge: headMaxAge, now: now) else {
            throw Problem.unknownHead(field: "head")
        }
        let builder = try await build(
            ReportBuilder(period: period, agency: agency, engine: engine, criteria: criteria), headSize: head.size, progress: progress)
        return builder.finish(
            head: PeriodReport.Head(
                size: head.size, rootHash: head.root.hex, timestamp: head.timestamp,
                keyID: head.keyID, signature: Data(head.signature).base64EncodedString()),
            audience: audience, agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0.nameVi) }),
            fieldNames: Dictionary(uniqueKeysWithValues: try await store.fields().map { ($0.code, $0.nameVi) }))
    }

    /// The builder fed every case under the head, by one reader per core (at most four), each
    /// reading and replaying its share of the cases: reading and decoding the events is most of
    /// the work. The parts are merged; the report does not depend on how the cases were shared.
    private func build(
        _ empty: ReportBuilder, headSize: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> ReportBuilder {
        let readers = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let counts = ReaderProgress(readers: readers)
        return try await withThrowingTaskGroup(of: ReportBuilder.self) { group in
            for index in 0..<readers {
                group.addTask {
                    var part = empty
                    try await store.forEachReportCase(
                        empty.period, headSize: headSize, shard: (index, readers),
                        progress: { done, total in
                            let sum = counts.update(index, done: done, total: total)
                            progress?(sum.done, sum.total)
                        }
                    ) { part.add($0) }
                    return part
                }
            }
            var whole = empty
            for try await part in group { whole.merge(part) }
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

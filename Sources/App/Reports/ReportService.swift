import Foundation
import LangNgheCore
import LangNgheStorage

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
    /// the signed head of `headSize` leaves, or under a new head of the whole log.
    func generate(
        _ period: ReportPeriod, agency: String?, audience: ReportAudience, headSize: Int? = nil, now: Date,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> PeriodReport {
        let engine = try await store.deadlineEngine()
        let today = CivilDate.localDate(of: now, offsetSeconds: engine.officeHours.utcOffsetSeconds)
        guard period.to < today else { throw Problem.periodNotOver(field: "period", endsOn: period.to) }
        let agencies = try await store.agencies()
        if let agency, !agencies.contains(where: { $0.code == agency }) { throw Problem.unknownAgency(field: "agency") }
        guard let head = try await store.reportHead(size: headSize, now: now) else { throw Problem.unknownHead(field: "head") }
        var builder = ReportBuilder(period: period, agency: agency, engine: engine, criteria: criteria)
        try await store.forEachReportCase(period, headSize: head.size, progress: progress) { builder.add($0) }
        return builder.finish(
            head: PeriodReport.Head(
                size: head.size, rootHash: head.root.hex, timestamp: head.timestamp,
                keyID: head.keyID, signature: Data(head.signature).base64EncodedString()),
            audience: audience, agencyNames: Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0.nameVi) }),
            fieldNames: Dictionary(uniqueKeysWithValues: try await store.fields().map { ($0.code, $0.nameVi) }))
    }

    /// The report signed by the Government Office, now.
    func sign(_ report: PeriodReport, passphrase: CAPassphrase, now: Date) async throws -> SignedReport {
        let office = Agency.governmentOfficeCode
        let identity = try await store.signingIdentity(agency: office, passphrase: passphrase, now: now)
        return try identity.sign(SignedReport.Content(report: report, signedAt: Timestamp.string(now), agency: office))
    }
}

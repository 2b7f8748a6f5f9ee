extension ReportBuilder {
    /// The report: the sums made into rows, the agencies ranked as the dashboard ranks them,
    /// and the summary written from the changes.
    public func finish(head: PeriodReport.Head, audience: ReportAudience, agencyNames: [String: String], fieldNames: [String: String])
        -> PeriodReport
    {
        let statistics = Statistics(period: period.days, counts: Self.counts(current), evidence: evidence)
        let before = Statistics(period: period.previous.days, counts: Self.counts(previous))
        let ranking = AgencyRanking(statistics: statistics, criteria: criteria)
        let previousRanking = AgencyRanking(statistics: before, criteria: criteria)
        let ranks = Dictionary(ranking.ranked.map { ($0.agencyCode, $0.rank) }, uniquingKeysWith: min)
        let previousRanks = Dictionary(previousRanking.ranked.map { ($0.agencyCode, $0.rank) }, uniquingKeysWith: min)
        let shown = { (code: String) in agency == nil || agency == code }

        var rows = statistics.agencies.filter { shown($0.agencyCode ?? "") && $0.agencyCode != Agency.governmentOfficeCode }.map {
            row(
                $0, rank: ranks[$0.agencyCode ?? ""], previous: before.agency($0.agencyCode ?? ""),
                previousRank: previousRanks[$0.agencyCode ?? ""])
        }
        // Ranked first in rank order, then the rest by code.
        rows.sort { ($0.rank ?? Int.max, $0.agency) < ($1.rank ?? Int.max, $1.agency) }
        let overall = statistics.agency(agency ?? "") ?? (agency == nil ? statistics.overall : AgencyStatistics(agencyCode: agency))
        let ratings = agency == nil ? statistics.overall.ratings : overall.ratings

        var report = PeriodReport(
            format: PeriodReport.currentFormat,
            parameters: .init(
                period: period.label, from: period.from.iso, to: period.to.iso, previousFrom: period.previous.from.iso,
                previousTo: period.previous.to.iso, agency: agency, audience: ReportAudience.internal.rawValue, head: head,
                minimumCasesToRank: criteria.minimumCases, minimumEvidenceToName: criteria.minimumEvidence,
                prolongedRestarts: NamingReason.prolongedRestarts),
            agencyNames: [:], fieldNames: [:],
            received: .init(
                total: received["total"], previousTotal: previousReceived, byChannel: received.rows(prefix: "channel:"),
                byCategory: received.rows(prefix: "category:"), byField: received.rows(prefix: "field:"),
                byAgency: received.rows(prefix: "agency:"), bySender: received.rows(prefix: "sender:")),
            outcomes: .init(
                answered: overall.answered, refused: overall.refusals.values.reduce(0, +),
                refusedByReason: overall.refusals.map { .init(key: $0.key, count: $0.value) }.sorted { $0.key < $1.key },
                returned: overall.returns, rerouted: overall.reassignments, merged: outcomes["merged"], escalated: outcomes["escalated"],
                decided: outcomes["decided"], openAtEnd: openAtEnd),
            agencies: rows,
            overdueAtEnd: overdue.sorted { ($0.agency, $0.trackingCode) < ($1.agency, $1.trackingCode) },
            prolongedAtEnd: prolonged.sorted { ($0.agency, $0.trackingCode) < ($1.agency, $1.trackingCode) },
            escalations: escalations.sorted { ($0.on, $0.trackingCode) < ($1.on, $1.trackingCode) },
            repeatedComplaints: .init(
                followUps: overall.followUps, cases: followUpCases, escalated: repeatedEscalations,
                byAgency: statistics.agencies.filter { $0.followUps > 0 && shown($0.agencyCode ?? "") }.map {
                    .init(key: $0.agencyCode ?? "", count: $0.followUps)
                }),
            satisfaction: .init(
                ratings: ratings.values.reduce(0, +), distribution: (1...5).map { .init(key: String($0), count: ratings[$0] ?? 0) },
                mean: AgencyStatistics.mean(ratings).map { Decimals.fixed($0, 2) }),
            named: ranking.named.filter { shown($0.agencyCode) }.map { naming in
                .init(
                    agency: naming.agencyCode,
                    findings: naming.findings.map {
                        .init(reason: $0.reason.rawValue, trackingCodes: $0.petitionIDs.compactMap { codes[$0] })
                    })
            },
            commended: ranking.commended.filter { shown($0.agencyCode ?? "") }.map {
                .init(
                    agency: $0.agencyCode ?? "", answered: $0.answered, onTimeRate: Decimals.fixed($0.onTime.estimate ?? 0, 4),
                    meanSatisfaction: Decimals.fixed($0.meanSatisfaction ?? 0, 2))
            },
            useful: useful.sorted { ($0.on, $0.trackingCode) < ($1.on, $1.trackingCode) },
            summary: [])
        report.agencyNames = Self.names(agencyNames, for: Self.agencyCodes(in: report))
        report.fieldNames = Self.names(fieldNames, for: Set(report.received.byField.map(\.key)))
        report.summary = ReportSummary.sentences(
            report, overall: overall, previousOverall: agency.flatMap { before.agency($0) } ?? before.overall)
        return audience == .public ? report.publicVersion() : report
    }

    private func row(_ s: AgencyStatistics, rank: Int?, previous: AgencyStatistics?, previousRank: Int?) -> PeriodReport.AgencyRow {
        let rate = s.onTime.estimate
        let change = both(rate, previous?.onTime.estimate).map { Decimals.fixed(($0.0 - $0.1) * 100, 1) }
        return PeriodReport.AgencyRow(
            agency: s.agencyCode ?? "", received: s.received, answered: s.answered, answeredOnTime: s.answeredOnTime,
            answeredLate: s.answeredLate, onTimeRate: rate.map { Decimals.fixed($0, 4) },
            onTimeLower: s.answered > 0 ? Decimals.fixed(s.onTime.lower, 4) : nil,
            onTimeUpper: s.answered > 0 ? Decimals.fixed(s.onTime.upper, 4) : nil,
            medianDays: s.medianWorkingDaysToAnswer.map { Decimals.fixed($0, 1) },
            p90Days: s.p90WorkingDaysToAnswer.map { Decimals.fixed($0, 1) }, rank: rank, previousRank: previousRank, onTimeChange: change,
            overdueAtEnd: s.overdueNow, returns: s.returns, escalations: s.escalations, followUps: s.followUps, ratings: s.ratingCount,
            meanSatisfaction: s.meanSatisfaction.map { Decimals.fixed($0, 2) })
    }

    static func counts(_ sums: [Rollup.Count: Int]) -> [Rollup.Count] {
        sums.map { $0.key.withCount($0.value) }
    }

    static func agencyCodes(in report: PeriodReport) -> Set<String> {
        var codes = Set(report.agencies.map(\.agency) + report.received.byAgency.map(\.key) + report.named.map(\.agency))
        codes.formUnion(report.overdueAtEnd.map(\.agency) + report.prolongedAtEnd.map(\.agency))
        codes.formUnion(report.escalations.compactMap(\.agency) + report.useful.compactMap(\.agency))
        if let agency = report.parameters.agency { codes.insert(agency) }
        codes.insert(Agency.governmentOfficeCode)
        return codes
    }

    static func names(_ all: [String: String], for codes: Set<String>) -> [String: String] {
        all.filter { codes.contains($0.key) }
    }
}

private func both(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// Decimals written with fixed digits, the same on every machine: what a report prints and signs.
public enum Decimals {
    /// `value` rounded half away from zero to `digits` places: fixed(0.85714, 4) is "0.8571".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = String(scaled / scale)
        guard digits > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

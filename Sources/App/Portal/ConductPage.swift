import Foundation
import LangNgheCore
import LangNgheStorage
import Mustache

/// `/danh-gia-co-quan`: agencies named for delays and dodging, each with its evidence, those
/// commended, the fair on-time ranking, and the petitions marked useful; with the criteria.
struct ConductPage {
    struct Evidence {
        let reason: String
        let codes: [Code]
        /// The page of every case, when there are more than the codes shown here.
        let allHref: String?
        let moreText: String
    }

    /// Codes shown per reason; the rest are on the reason's evidence page. Thirty for each of
    /// 55 named agencies made a page of 166 KB at 100,000 petitions, most of it codes.
    static let codesShown = 10
    struct Code {
        let code: String
        let href: String
    }
    struct Named {
        let agency: String
        let evidence: [Evidence]
    }
    struct Ranked {
        let rank: Int
        let agency: String
        let onTime: String
        let interval: String
        let answered: String
    }
    struct Useful {
        let title: String
        let href: String
        let result: String
        let agency: String
    }

    let from: String
    let to: String
    let criteria: [String]
    let named: [Named]
    let commended: [String]
    let ranking: [Ranked]
    let useful: [Useful]
    /// Cases restarted twice or more without an answer, with their restarts.
    let prolonged: [Prolonged]
    let hasProlonged: Bool

    struct Prolonged {
        let code: String
        let href: String
        let agency: String
        let restarts: Int
    }
    let hasNamed: Bool
    let hasCommended: Bool

    init(
        _ r: AgencyRanking, statistics: Statistics, codes: [Int: String], useful: [PublishedAnswer], prolonged: [ProlongedCase],
        catalogue: Catalogue,
        language: Language,
        agencies: [String: String]
    ) {
        let t = { (key: String) in catalogue.text(key, language) }
        func percent(_ x: Double) -> String { NumberText.percent(x, language) }
        from = statistics.period.lowerBound.iso
        to = statistics.period.upperBound.iso
        let c = r.criteria
        criteria = [
            t("conduct_criteria_minimum").replacingOccurrences(of: "{n}", with: "\(c.minimumCases)"),
            t("conduct_criteria_named").replacingOccurrences(of: "{n}", with: "\(c.minimumEvidence)"),
            t("conduct_criteria_commended")
                .replacingOccurrences(of: "{rate}", with: percent(c.commendation.minimumOnTimeRate))
                .replacingOccurrences(of: "{satisfaction}", with: NumberText.decimal(c.commendation.minimumSatisfaction, language))
                .replacingOccurrences(of: "{n}", with: "\(c.commendation.minimumCases)"),
            t("conduct_criteria_wilson"),
        ]
        named = r.named.map { naming in
            Named(
                agency: agencies[naming.agencyCode] ?? naming.agencyCode,
                evidence: naming.findings.map { finding in
                    let more = finding.petitionIDs.count - Self.codesShown
                    return Evidence(
                        reason: t("naming_" + finding.reason.rawValue) + " (\(finding.petitionIDs.count))",
                        codes: finding.petitionIDs.prefix(Self.codesShown).compactMap { codes[$0] }.map {
                            Code(code: $0, href: Site.tracking($0))
                        },
                        allHref: more > 0
                            ? Site.evidence(agency: naming.agencyCode, reason: finding.reason, period: statistics.period) : nil,
                        moreText: t("conduct_evidence_more").replacingOccurrences(of: "{n}", with: "\(max(0, more))"))
                })
        }
        commended = r.commended.compactMap { $0.agencyCode.map { agencies[$0] ?? $0 } }
        ranking = r.ranked.map { place in
            let f = FiguresView(place.statistics)
            return Ranked(
                rank: place.rank, agency: agencies[place.agencyCode] ?? place.agencyCode, onTime: f.onTimeRate.map(percent) ?? "—",
                interval: f.onTimeInterval.map { percent($0[0]) + " – " + percent($0[1]) } ?? "—",
                answered: NumberText.grouped(f.answered, language))
        }
        self.useful = useful.map {
            Useful(
                title: $0.title, href: Site.answer(.value($0.trackingCode.description)).path, result: $0.useful ?? "",
                agency: $0.agencyCode.map { agencies[$0] ?? $0 } ?? "")
        }
        self.prolonged = prolonged.map {
            Prolonged(
                code: $0.trackingCode.description, href: Site.tracking($0.trackingCode.description),
                agency: agencies[$0.agencyCode] ?? $0.agencyCode, restarts: $0.restarts)
        }
        hasProlonged = !prolonged.isEmpty
        hasNamed = !named.isEmpty
        hasCommended = !commended.isEmpty
    }
}

// The conduct page lists thousands of codes; each lookup by reflection cost about as much as
// the page's database work (80 of 120 ms at 100,000 petitions), so its rows name their fields.
extension ConductPage.Code: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "href": href
        default: nil
        }
    }
}

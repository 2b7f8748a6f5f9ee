import Foundation
import LangNgheCore

/// `/danh-gia-co-quan/bang-chung`: every case behind one reason an agency is named for in a
/// period, a page at a time; the conduct page shows the first few of each.
struct EvidencePage {
    static let pageSize = 200

    let agency: String
    let reason: String
    let from: String
    let to: String
    let total: String
    let codes: [ConductPage.Code]
    let backHref: String
    let previousHref: String?
    let nextHref: String?

    init(
        agencyCode: String, agencyName: String, reason: NamingReason, total count: Int, shown codesByID: [Int: String], in ids: [Int],
        period: ClosedRange<CivilDate>, page: Int, catalogue: Catalogue, language: Language
    ) {
        agency = agencyName
        self.reason = catalogue.text("naming_" + reason.rawValue, language)
        from = period.lowerBound.iso
        to = period.upperBound.iso
        total = NumberText.grouped(count, language)
        let start = (page - 1) * Self.pageSize
        codes = ids.compactMap { codesByID[$0] }.map { ConductPage.Code(code: $0, href: Site.tracking($0)) }
        let base = Site.evidence(agency: agencyCode, reason: reason, period: period)
        backHref = Site.agencyConduct.path + "?tu=\(from)&den=\(to)"
        previousHref = page > 1 ? base + "&trang=\(page - 1)" : nil
        nextHref = start + Self.pageSize < count ? base + "&trang=\(page + 1)" : nil
    }
}

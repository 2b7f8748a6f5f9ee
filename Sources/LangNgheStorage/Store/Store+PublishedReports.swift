import Foundation
import LangNgheCore

/// A report published on the portal, as the list shows it.
public struct PublishedReportSummary: Sendable, Hashable {
    /// `2026-Q3`.
    public let period: String
    public let publishedAt: Date
}

extension Store {
    /// Publishes a signed public report for its period, once: false when the period already has
    /// one (a published report is never replaced).
    @discardableResult
    public func publish(_ signed: SignedReport, at: Date) async throws -> Bool {
        let period = signed.content.report.parameters.period
        let text = try CanonicalJSON(encoding: signed).text
        return try await database.write { db in
            guard try await db.first("SELECT 1 AS found FROM published_reports WHERE period = ?", period) == nil else { return false }
            try await db.execute(
                "INSERT INTO published_reports (period, signed, published_at) VALUES (?, ?, ?)", period, text, Timestamp.string(at))
            return true
        }
    }

    /// Every published report, the newest period first.
    public func publishedReports() async throws -> [PublishedReportSummary] {
        try await database.read { db in
            try await db.query("SELECT period, published_at FROM published_reports ORDER BY period DESC").compactMap { row in
                guard let period = row.string("period"), let at = row.string("published_at").flatMap(Timestamp.date) else { return nil }
                return PublishedReportSummary(period: period, publishedAt: at)
            }
        }
    }

    /// The signed report published for a period, as it was published.
    public func publishedReport(_ period: String) async throws -> SignedReport? {
        let text = try await database.read { db in
            try await db.first("SELECT signed FROM published_reports WHERE period = ?", period)?.string("signed")
        }
        guard let text else { return nil }
        guard let signed = try? JSONDecoder().decode(SignedReport.self, from: Data(text.utf8)) else {
            throw StoreError.unreadable("published_reports \(period)")
        }
        return signed
    }
}

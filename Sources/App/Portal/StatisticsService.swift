import Foundation
import LangNgheCore
import LangNgheStorage

/// Statistics for a period, read from the rollups kept in step with the events: a sum over the
/// period's days, never a pass over the cases.
struct StatisticsService: Sendable {
    let store: Store
    let deadlines: DeadlineService

    /// The days a period may cover: the calendar the system computes, 1900–2199.
    static let years = 1900...2199

    /// The period asked for: `from` / `to` as YYYY-MM-DD; by default the last twelve months.
    func period(from: String?, to: String?) throws -> ClosedRange<CivilDate> {
        let today = deadlines.today
        var errors: [FieldError] = []
        func day(_ text: String?, _ field: String) -> CivilDate?? {
            guard let text, !text.isEmpty else { return .some(nil) }
            guard let day = CivilDate(iso: text), Self.years.contains(day.year) else {
                errors.append(FieldError(field, .invalidChoice))
                return nil
            }
            return .some(day)
        }
        let end = day(to, "to").map { $0 ?? today }
        let start = day(from, "from").map { $0 ?? (end ?? today).adding(days: -364) }
        guard errors.isEmpty, let start, let end else { throw AppError.validation(errors) }
        guard start <= end else { throw AppError.validation([FieldError("from", .invalidChoice)]) }
        return start...end
    }

    /// The figures of the period, for every agency or one; the cases late now count only in a
    /// period that includes today. With `evidence`, the cases behind each naming reason too
    /// (the conduct page); without, only their counts (the dashboard and the API).
    func statistics(for period: ClosedRange<CivilDate>, agency: String? = nil, evidence: Bool = false) async throws -> Statistics {
        let today = deadlines.today
        let current = period.contains(today) ? today : nil
        let counts = try await store.rollupCounts(period, agency: agency)
        guard evidence else {
            var late: [Statistics.CurrentCount] = []
            if let current { late = try await store.currentLateCounts(today: current) }
            return Statistics(period: period, counts: counts, current: late, agency: agency)
        }
        return Statistics(period: period, counts: counts, evidence: try await store.namingEvidence(period, today: current), agency: agency)
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// Statistics for a period, read from the rollups kept in step with the events: a sum over the
/// period's days, never a pass over the cases.
struct StatisticsService: Sendable {
    let store: Store
    let deadlines: DeadlineService
    /// The figures of each period, agency and kind, kept for a short while (`FiguresCache`).
    let cache: FiguresCache<CacheKey, Statistics>

    struct CacheKey: Hashable, Sendable {
        let period: ClosedRange<CivilDate>
        let agency: String?
        let evidence: Bool
        /// The figures of a period that includes today change with the day.
        let today: CivilDate
    }

    init(store: Store, deadlines: DeadlineService, cacheSeconds: Int) {
        self.store = store
        self.deadlines = deadlines
        cache = FiguresCache(lifetime: .seconds(cacheSeconds))
    }

    /// The days a period may cover: the calendar the system computes, 1900–2199.
    static let years = 1900...2199
    /// The longest period: ten years of months is what a chart can show, and a whole-calendar
    /// period (0001–9999) used to take 6.6 s and 5.4 MB.
    static let maxYears = 10

    /// The period asked for: `from` / `to` as typed (day/month/year or YYYY-MM-DD); by default
    /// the last twelve months.
    func period(from: String?, to: String?) throws -> ClosedRange<CivilDate> {
        let today = deadlines.today
        var errors: [FieldError] = []
        func day(_ text: String?, _ field: String) -> CivilDate?? {
            guard let text, !text.isEmpty else { return .some(nil) }
            guard let day = CivilDate(entered: text), Self.years.contains(day.year) else {
                errors.append(FieldError(field, .invalidDate))
                return nil
            }
            return .some(day)
        }
        let end = day(to, "to").map { $0 ?? today }
        let start = day(from, "from").map { $0 ?? (end ?? today).adding(days: -364) }
        guard errors.isEmpty, let start, let end else { throw AppError.validation(errors) }
        guard start <= end else { throw AppError.validation([FieldError("from", .periodReversed)]) }
        guard end.julianDay - start.julianDay < Self.maxYears * 366 else {
            throw AppError.validation([FieldError("from", .periodTooLong(maxYears: Self.maxYears))])
        }
        return start...end
    }

    /// The figures of the period, for every agency or one; the cases late now count only in a
    /// period that includes today. With `evidence`, the cases behind each naming reason too
    /// (the conduct page); without, only their counts (the dashboard and the API).
    func statistics(for period: ClosedRange<CivilDate>, agency: String? = nil, evidence: Bool = false) async throws -> Statistics {
        let today = deadlines.today
        return try await cache.value(for: CacheKey(period: period, agency: agency, evidence: evidence, today: today)) { [self] in
            try await compute(for: period, agency: agency, evidence: evidence, today: today)
        }
    }

    private func compute(for period: ClosedRange<CivilDate>, agency: String?, evidence: Bool, today: CivilDate) async throws -> Statistics {
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

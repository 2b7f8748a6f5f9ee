import Foundation
import LangNgheCore
import LangNgheStorage

/// Statistics for a period, computed from every case's events as they stood on the period's
/// last day (or today, if earlier). Nothing is counted in advance, so every figure can be
/// recomputed from the log.
struct StatisticsService: Sendable {
    let store: Store
    let deadlines: DeadlineService

    /// The period asked for: `from` / `to` as YYYY-MM-DD; by default the last twelve months.
    func period(from: String?, to: String?) throws -> ClosedRange<CivilDate> {
        let today = deadlines.today
        var errors: [FieldError] = []
        let end = to.flatMap { $0.isEmpty ? nil : $0 }.map { CivilDate(iso: $0) } ?? today
        if end == nil { errors.append(FieldError("to", .invalidChoice)) }
        let start = from.flatMap { $0.isEmpty ? nil : $0 }.map { CivilDate(iso: $0) } ?? (end ?? today).adding(days: -364)
        if start == nil { errors.append(FieldError("from", .invalidChoice)) }
        guard errors.isEmpty, let start, let end else { throw AppError.validation(errors) }
        guard start <= end else { throw AppError.validation([FieldError("from", .invalidChoice)]) }
        return start...end
    }

    func statistics(for period: ClosedRange<CivilDate>) async throws -> Statistics {
        let engine = try await deadlines.engine()
        let asOf = min(period.upperBound, deadlines.today)
        var facts: [CaseFacts] = []
        try await store.forEachCase(receivedBefore: period.upperBound.adding(days: 1).startOfDay(offsetSeconds: 7 * 3600)) { page in
            for c in page {
                if let fact = CaseFacts(trackingCode: c.trackingCode.description, category: c.category, fieldCode: c.fieldCode, events: c.events, engine: engine, today: asOf) {
                    facts.append(fact)
                }
            }
        }
        return Statistics(facts: facts, period: period)
    }
}

import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/calendar`: the year's days off, counting working days, and (for admins) the
/// official schedule's overrides.
struct CalendarAPIController {
    let store: Store
    let deadlines: DeadlineService
    let environment: AppEnvironment

    static let years = 1900...2199

    struct YearView: Encodable {
        struct Day: Encodable {
            var date: String
            var reason: String
            var kind: String
        }
        var year: Int
        var lunarNewYear: String
        var hungKings: String
        var nonWorkingDays: [Day]
        var workingSaturdays: [String]
    }

    @Sendable func year(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let year = context.parameters.get("year", as: Int.self), Self.years.contains(year) else {
            throw AppError.validation([FieldError("year", .invalidChoice)])
        }
        return JSONBody.response(Self.yearView(year, calendar: try await deadlines.engine().calendar))
    }

    static func yearView(_ year: Int, calendar: WorkingCalendar) -> YearView {
        YearView(
            year: year, lunarNewYear: calendar.lunar.lunarNewYear(year).iso, hungKings: calendar.lunar.hungKings(year).iso,
            nonWorkingDays: calendar.nonWorkingDays(in: year).map { .init(date: $0.date.iso, reason: $0.reason, kind: $0.kind.rawValue) },
            workingSaturdays: calendar.workingSaturdays(in: year).map(\.iso))
    }

    @Sendable func addWorkingDays(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        let from = query.get("from").flatMap(CivilDate.init(iso:))
        if from == nil || !Self.years.contains(from?.year ?? 0) {
            errors.append(FieldError("from", query.get("from") == nil ? .required : .invalidChoice))
        }
        let days = query.get("days").flatMap(Int.init)
        if days == nil || !(-3650...3650).contains(days ?? 0) {
            errors.append(FieldError("days", query.get("days") == nil ? .required : .invalidChoice))
        }
        guard errors.isEmpty, let from, let days else { throw AppError.validation(errors) }
        let date = try await deadlines.engine().calendar.addWorkingDays(days, to: from)
        return JSONBody.response(["date": date.iso])
    }

    @Sendable func overrides(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONBody.response(try await store.calendarOverrides())
    }

    /// `{"date", "kind": "dayOff"|"workingDay", "reason", "legalBasis"}`, admins only.
    @Sendable func saveOverride(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAPIAdmin()
        var request = request
        let object = try await request.jsonObject(limit: 65_536)
        let override = try Self.override(from: object.compactMapValues { $0 as? String })
        try await store.saveCalendarOverride(override)
        try await store.log(
            SecurityLogEntry(
                at: environment.now(), action: "calendarChanged", staffID: admin.id, username: admin.username, ip: context.ip,
                detail: "\(override.date.iso) \(override.kind.rawValue)"))
        return JSONBody.response(override, status: .created)
    }

    @Sendable func deleteOverride(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAPIAdmin()
        guard let date = context.parameters.get("date").flatMap(CivilDate.init(iso:)) else { throw AppError.notFound }
        guard try await store.deleteCalendarOverride(date) else { throw AppError.notFound }
        try await store.log(
            SecurityLogEntry(
                at: environment.now(), action: "calendarChanged", staffID: admin.id, username: admin.username, ip: context.ip,
                detail: "\(date.iso) removed"))
        return Response(status: .noContent)
    }

    /// Checks an override's fields (shared by the API and the admin page).
    static func override(from fields: [String: String]) throws -> CalendarOverride {
        var errors: [FieldError] = []
        let date = fields["date"].flatMap(CivilDate.init(iso:))
        if date == nil { errors.append(FieldError("date", fields["date"] == nil ? .required : .invalidChoice)) }
        let kind = fields["kind"].flatMap(CalendarOverride.Kind.init(rawValue:))
        if kind == nil { errors.append(FieldError("kind", fields["kind"] == nil ? .required : .invalidChoice)) }
        var rules = (
            reason: fields["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            basis: fields["legalBasis"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        )
        if rules.reason.isEmpty { errors.append(FieldError("reason", .required)) }
        if rules.basis.isEmpty { errors.append(FieldError("legalBasis", .required)) }
        if rules.reason.count > 300 { errors.append(FieldError("reason", .tooLong(max: 300))) }
        if rules.basis.count > 500 { errors.append(FieldError("legalBasis", .tooLong(max: 500))) }
        guard errors.isEmpty, let date, let kind else { throw AppError.validation(errors) }
        rules.reason = VietnameseText.normalized(rules.reason)
        return CalendarOverride(date: date, kind: kind, reason: rules.reason, legalBasis: VietnameseText.normalized(rules.basis))
    }

}

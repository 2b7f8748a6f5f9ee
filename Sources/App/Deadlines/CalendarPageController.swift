import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/lich-lam-viec/{year}`: the year's days off for everyone; `/can-bo/quan-tri/lich` for
/// admins to enter the official schedule's overrides.
struct CalendarPageController {
    let store: Store
    let views: Views
    let deadlines: DeadlineService
    let environment: AppEnvironment

    struct CalendarPage {
        struct Day {
            let date: String
            let weekday: String
            let reason: String
            /// "vi" when an English page shows a Vietnamese name (the official schedule's).
            let reasonLanguage: String?
            let kind: String
        }
        let year: Int
        let lunarNewYear: String
        let hungKings: String
        let days: [Day]
        let workingSaturdays: [String]
        let previous: String
        let next: String
    }

    struct OverridesPage {
        struct Row {
            let date: String
            let kind: String
            let reason: String
            let legalBasis: String
            let deleteAction: String
        }
        // Stored, not computed: templates read properties by reflection.
        let rows: [Row]
        let dateError, kindError, reasonError, legalBasisError: String?
        let date, reason, legalBasis: String
        let isWorkingDay: Bool

        init(rows: [Row], errors: [String: String], values: [String: String]) {
            self.rows = rows
            dateError = errors["date"]
            kindError = errors["kind"]
            reasonError = errors["reason"]
            legalBasisError = errors["legalBasis"]
            date = values["date"] ?? ""
            reason = values["reason"] ?? ""
            legalBasis = values["legalBasis"] ?? ""
            isWorkingDay = values["kind"] == CalendarOverride.Kind.workingDay.rawValue
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let year = context.parameters.get("year", as: Int.self) ?? CivilDate.localDate(of: environment.now()).year
        guard CalendarAPIController.years.contains(year) else { throw AppError.notFound }
        let calendar = try await deadlines.engine().calendar
        let t = { (key: String) in views.catalogue.text(key, context.language) }
        let page = CalendarPage(
            year: year, lunarNewYear: DisplayDate.format(calendar.lunar.lunarNewYear(year)),
            hungKings: DisplayDate.format(calendar.lunar.hungKings(year)),
            days: calendar.nonWorkingDays(in: year).map {
                let english = context.language == .en ? $0.reasonEn : nil
                return .init(
                    date: DisplayDate.format($0.date), weekday: t("weekday_\($0.date.weekday)"), reason: english ?? $0.reason,
                    reasonLanguage: context.language == .en && english == nil ? "vi" : nil, kind: t("dayoff_" + $0.kind.rawValue))
            },
            workingSaturdays: calendar.workingSaturdays(in: year).map(DisplayDate.format),
            previous: Site.calendar(year: .value(year - 1)).path, next: Site.calendar(year: .value(year + 1)).path)
        return views.page("calendar", title: t("calendar_title") + " \(year)", body: page, context: context)
    }

    @Sendable func overrides(_ request: Request, context: AdminRequestContext) async throws -> Response {
        try await overridesPage(context: context)
    }

    /// Adds an override (`operation` absent) or removes one (`operation=delete`).
    @Sendable func change(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let admin = context.staff
        let form = context.form ?? FormData()
        var fields: [String: String] = [:]
        for name in ["date", "kind", "reason", "legalBasis"] { fields[name] = form[name] }
        // The date as the site shows it (01/12/2026) or as ISO; the override itself reads ISO.
        let typedDate = form["date"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var parsed = fields
        parsed["date"] = typedDate.flatMap(CivilDate.init(entered:))?.iso
        do {
            if form["operation"] == "delete" {
                guard let date = typedDate.flatMap(CivilDate.init(entered:)), try await store.deleteCalendarOverride(date) else {
                    throw AppError.notFound
                }
            } else {
                try await store.saveCalendarOverride(try CalendarAPIController.override(from: parsed))
            }
        } catch AppError.validation(var errors) {
            // A date typed but not understood is told how to type it, not that it is missing.
            errors = errors.map { $0.field == "date" && typedDate != nil ? FieldError("date", .invalidDate) : $0 }
            let messages = PetitionFormController.messages(errors, views: views, context: context)
            return try await overridesPage(context: context, errors: messages, values: fields, status: .unprocessableContent)
        }
        try await store.log(
            SecurityLogEntry(
                at: environment.now(), action: "calendarChanged", staffID: admin.id, username: admin.username, ip: context.ip,
                detail: "\(form["date"] ?? "") \(form["operation"] ?? form["kind"] ?? "")"))
        return .redirect(to: Site.workingCalendar.path, type: .normal)
    }

    private func overridesPage(
        context: AdminRequestContext, errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let t = { (key: String) in views.catalogue.text(key, context.language) }
        let rows = try await store.calendarOverrides().reversed().map {
            OverridesPage.Row(
                date: DisplayDate.format($0.date), kind: t("override_" + $0.kind.rawValue), reason: $0.reason, legalBasis: $0.legalBasis,
                deleteAction: Site.workingCalendar.path)
        }
        return views.page(
            "admin-calendar", title: t("admin_calendar"), body: OverridesPage(rows: rows, errors: errors, values: values), context: context,
            status: status)
    }
}

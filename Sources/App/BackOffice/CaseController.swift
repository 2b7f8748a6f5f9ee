import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo/pakn/{code}`: the case page, its action forms, its files.
struct CaseController {
    let store: Store
    let views: Views
    let cases: CaseService
    let deadlines: DeadlineService
    let assist: AssistService

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let petition = try await find(context, for: staff)
        // The assistant's offers fill a form in: a published answer to start the draft from, or
        // the escalation of a repeated complaint. Both are checked again when the form is sent.
        let query = request.uri.queryParameters
        if let source = query.get(CaseAssistance.sourceParameter).flatMap({ TrackingCode(String($0)) }),
            let answer = try await store.publishedAnswer(source)
        {
            let values = EventInput(["content": answer.answer, "source": source.description])
            return try await page(petition, staff: staff, context: context, values: values, returned: .answerDrafted)
        }
        if let repeated = query.get(CaseAssistance.repeatParameter).flatMap({ TrackingCode(String($0)) }) {
            let values = EventInput(["reason": EscalationReason.repeatedComplaint.rawValue, "repeatOf": repeated.description])
            return try await page(petition, staff: staff, context: context, values: values, returned: .escalated)
        }
        return try await page(petition, staff: staff, context: context)
    }

    /// One action: `type` and its fields. The answer editor's "preview" shows the text without saving.
    @Sendable func act(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let petition = try await find(context, for: staff)
        let form = context.form ?? FormData()
        guard let type = form["type"].flatMap(EventType.init(rawValue:)) else {
            throw AppError.validation([FieldError("type", .invalidChoice)])
        }
        var values: [String: [String]] = [:]
        for (name, given) in form.fields where ![CSRF.fieldName, "type", "preview"].contains(name) {
            values[name] = given.filter { !$0.isEmpty }
        }
        let input = EventInput(values)
        if type == .answerDrafted, form["preview"] != nil {
            return try await page(petition, staff: staff, context: context, values: input, returned: type, preview: input["content"] ?? "")
        }
        do {
            _ = try await cases.act(type, input: input, by: .staff(staff.identity), on: petition.trackingCode, ip: context.ip)
            return .redirect(to: Site.staffCase(.value(petition.trackingCode.description)).path + "#timeline", type: .normal)
        } catch AppError.validation(let errors) {
            var messages: [String: String] = [:]
            for error in errors where messages[error.field] == nil {
                messages[error.field] = views.catalogue.message(for: error, context.language)
            }
            // Above the forms: which action and what is wrong; beside each field, its message.
            let t = { (key: String) in views.catalogue.text(key, context.language) }
            let summary =
                t("action_" + type.rawValue) + ": "
                + errors.map { t("field_" + $0.field) + " — " + views.catalogue.message(for: $0, context.language) }
                .joined(separator: "; ")
            return try await page(
                petition, staff: staff, context: context, values: input, errors: messages, returned: type, error: summary,
                status: .unprocessableContent)
        } catch AppError.conflict(let key) {
            return try await page(
                petition, staff: staff, context: context, values: input, returned: type, error: views.catalogue.text(key, context.language),
                status: .conflict)
        }
    }

    /// An attachment, for those who may see the submitter's details.
    @Sendable func attachment(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let petition = try await find(context, for: staff)
        guard CaseAccess.canSeeSubmitter(.staff(staff.identity), CaseState(events: petition.events)) else { throw AppError.forbidden }
        guard let id = context.parameters.get("id", as: Int64.self),
            let (info, bytes) = try await store.attachmentContent(petition.trackingCode, attachmentID: id)
        else { throw AppError.notFound }
        try await logSubmitterRead(petition, staff: staff, context: context, what: "attachment \(id)")
        return AttachmentResponse.make(info, bytes)
    }

    private func page(
        _ petition: PetitionRecord, staff: StaffAccount, context: StaffRequestContext, values: EventInput = EventInput(),
        errors: [String: String] = [:], returned: EventType? = nil, error: String? = nil, preview: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let observers = try await store.allStaff().filter { $0.role == .observer && $0.active }.map { ($0.username, $0.displayName) }
        let agencies = try await store.agencies()
        let fields = try await store.fields()
        var model = CasePage(
            petition, principal: .staff(staff.identity), catalogue: views.catalogue, language: context.language,
            agencies: agencies, fields: fields, observers: observers,
            values: values, errors: errors, returned: returned, error: error, preview: preview,
            deadline: try await deadlines.answerStatus(events: petition.events, fieldCode: petition.fieldCode, category: petition.category),
            clocks: try await deadlines.openDeadlines(
                events: petition.events, fieldCode: petition.fieldCode, category: petition.category, leadAgency: petition.leadAgencyCode))
        model.notifications = try await store.notifications(of: petition.trackingCode).map {
            NotificationRow($0, catalogue: views.catalogue, language: context.language)
        }
        model.hasNotifications = !model.notifications.isEmpty
        model.assistance = try await CaseAssistance.make(
            petition, staff: staff.identity, assist: assist, catalogue: views.catalogue, language: context.language,
            agencies: agencies, fields: fields)
        if model.hasSubmitter { try await logSubmitterRead(petition, staff: staff, context: context, what: "case page") }
        var response = views.page("case", title: petition.trackingCode.description, body: model, context: context, status: status)
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    /// The case, for staff with a need to know: VPCP's coordinators, the lead and coordinating
    /// agencies' handlers, observers invited to it. Anyone else is refused.
    private func find(_ context: StaffRequestContext, for staff: StaffAccount) async throws -> PetitionRecord {
        guard let code = context.parameters.get("code").flatMap(TrackingCode.init), let petition = try await store.petition(code) else {
            throw AppError.notFound
        }
        // The denial is logged, with the account, by the session middleware.
        guard CaseAccess.canSeeInternals(.staff(staff.identity), CaseState(events: petition.events)) else { throw AppError.forbidden }
        return petition
    }

    /// Each view of a submitter's details is written down: who, when, which case (DOMAIN.md §6).
    private func logSubmitterRead(_ petition: PetitionRecord, staff: StaffAccount, context: StaffRequestContext, what: String) async throws
    {
        try await store.log(
            SecurityLogEntry(
                at: cases.environment.now(), action: SecurityLogEntry.submitterRead, staffID: staff.id, username: staff.username,
                ip: context.ip, detail: "\(petition.trackingCode) \(what)"))
    }
}

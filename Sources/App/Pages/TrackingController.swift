import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/tra-cuu`: anyone looks a code up; the access key (posted, never in the address) opens the
/// submitter's own details and files.
struct TrackingController {
    let store: Store
    let views: Views
    let cases: CaseService
    let deadlines: DeadlineService

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        // A browser's GET form sends the spaces around a pasted code as `+`.
        let query = request.formQuery("ma") ?? ""
        return try await page(code: query, accessKey: nil, context: context)
    }

    @Sendable func unlock(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        var response = try await page(code: form["ma"] ?? "", accessKey: form["khoa"] ?? "", context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The submitter adds information, follows up or rates, with the access key.
    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        guard let code = form["ma"].flatMap(TrackingCode.init), let petition = try await store.petition(code) else {
            throw AppError.notFound
        }
        let key = form["khoa"] ?? ""
        guard AccessKey.matches(key, storedHash: petition.accessKeyHash) else { throw AppError.forbidden }
        guard let type = form["type"].flatMap(EventType.init(rawValue:)), [.infoProvided, .followedUp, .rated].contains(type) else {
            throw AppError.validation([FieldError("type", .invalidChoice)])
        }
        var input = EventInput()
        for name in ["content", "satisfaction", "comment"] { input[name] = form[name] }
        var notice: String?
        var problem: String?
        do {
            _ = try await cases.act(type, input: input, by: .submitter, on: code, ip: context.ip)
            notice = views.catalogue.text("track_action_done", context.language)
        } catch AppError.validation(let errors) {
            problem = errors.map { views.catalogue.message(for: $0, context.language) }.joined(separator: " ")
        } catch AppError.conflict(let key) {
            problem = views.catalogue.text(key, context.language)
        }
        // A refused form comes back in place, with what was typed.
        let attempt = problem.map {
            TrackingPage.Attempt(
                type: type, content: form["content"] ?? "", comment: form["comment"] ?? "", satisfaction: form["satisfaction"] ?? "",
                error: $0)
        }
        var response = try await page(code: code.description, accessKey: key, context: context, notice: notice, attempt: attempt)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The submitter's own data as a JSON file (the button beside their details).
    @Sendable func personalData(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        guard let code = form["ma"].flatMap(TrackingCode.init), let petition = try await store.petition(code) else {
            throw AppError.notFound
        }
        return try await PersonalDataExport(store: store, deadlines: deadlines, catalogue: views.catalogue)
            .response(petition, accessKey: form["khoa"], context: context)
    }

    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        guard let code = form["ma"].flatMap(TrackingCode.init), let petition = try await store.petition(code) else {
            throw AppError.notFound
        }
        guard AccessKey.matches(form["khoa"], storedHash: petition.accessKeyHash) else { throw AppError.forbidden }
        guard let id = form["id"].flatMap({ Int64($0) }),
            let (info, bytes) = try await store.attachmentContent(code, attachmentID: id)
        else { throw AppError.notFound }
        return AttachmentResponse.make(info, bytes)
    }

    private func page(
        code query: String, accessKey: String?, context: AppRequestContext, notice: String? = nil, attempt: TrackingPage.Attempt? = nil
    ) async throws -> Response {
        let language = context.language
        let title = views.catalogue.text("track_title", language)
        // A code pasted from a message often brings spaces, tabs or a line break with it.
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return views.page(
                "tracking", title: title, body: TrackingPage(query: "", message: nil, petition: nil, keyRejected: false), context: context)
        }
        guard let code = TrackingCode(trimmed), let petition = try await store.petition(code) else {
            let page = TrackingPage(
                query: trimmed, message: views.catalogue.text("track_not_found", language), petition: nil, keyRejected: false)
            return views.page("tracking", title: title, body: page, context: context, status: .notFound)
        }
        let unlocked = accessKey.map { AccessKey.matches($0, storedHash: petition.accessKeyHash) } ?? false
        let agencies = try await store.agencies().byCode
        let fields = Dictionary(try await store.fields().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var found = TrackingPage.Found(
            petition, publishedTitle: try await store.publishedAnswer(code)?.title,
            details: unlocked ? TrackingPage.Details(petition, accessKey: accessKey ?? "") : nil,
            catalogue: views.catalogue, language: language, agencies: agencies, fields: fields)
        if let deadline = try await deadlines.answerStatus(
            events: petition.events, fieldCode: petition.fieldCode, category: petition.category),
            let dueDate = deadline.shownDueDate
        {
            found.due = DisplayDate.format(dueDate)
            found.deadlineBadge = deadline.badge
            found.deadlineLabel = views.catalogue.text("deadline_" + deadline.badge, language)
        }
        if let attempt, attempt.type == .rated, var details = found.details {
            details.ratings = details.ratings.map {
                TrackingPage.Rating(value: $0.value, checked: String($0.value) == attempt.satisfaction)
            }
            found.details = details
        }
        var page = TrackingPage(
            query: code.description, message: nil, petition: found, keyRejected: accessKey != nil && !unlocked,
            notice: notice, attempt: attempt.map(TrackingPage.Attempts.init))
        // A form no longer offered (the case moved on, or a second click) cannot show its own
        // problem: it goes above, with what was typed.
        if let attempt, let details = found.details {
            let offered: Bool
            switch attempt.type {
            case .rated: offered = details.canRate
            case .infoProvided: offered = details.canProvideInfo
            default: offered = details.canFollowUp
            }
            if !offered {
                page.attempt = nil
                page.actionError = attempt.error
                let typed = [attempt.content, attempt.comment].filter { !$0.isEmpty }.joined(separator: "\n\n")
                page.unsentText = typed.isEmpty ? nil : typed
            }
        }
        let status: HTTPResponse.Status = accessKey != nil && !unlocked ? .forbidden : attempt != nil ? .unprocessableContent : .ok
        return views.page("tracking", title: title + " " + code.description, body: page, context: context, status: status)
    }
}

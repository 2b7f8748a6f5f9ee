import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/gui-phan-anh`: the form, and what happens when it is sent.
struct PetitionFormController {
    let store: Store
    let views: Views
    let intake: IntakeService
    let receipts: ReceiptCookie
    let assist: AssistService

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let kind: Submitter.Kind = request.uri.queryParameters.get("loai") == "doanh-nghiep" ? .organization : .individual
        return try await form(PetitionDraft(submitterKind: kind.rawValue, notifyBy: []), messages: [:], context: context, status: .ok)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        let draft = Self.draft(from: form)
        if form["similar"] != nil { return try await similar(draft, context: context) }
        let uploads = try form.files.filter { $0.field == "attachments" }.map {
            IntakeService.Upload(fileName: $0.fileName, bytes: try $0.bytes)
        }
        do {
            let receipt = try await intake.submit(
                draft, uploads: uploads, channel: .web, source: .client(address: context.ip), language: context.language)
            return try receipts.redirect(receipt)
        } catch AppError.validation(let errors) {
            return try await self.form(
                draft, messages: Self.messages(errors, views: views, context: context), context: context, status: .unprocessableContent)
        } catch AppError.rateLimited(let seconds) {
            // The form comes back filled in, saying when to try again.
            let message = views.catalogue.text("form_rate_limited", context.language)
            var response = try await self.form(draft, messages: ["form": message], context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    /// "Look for similar answers": the form comes back as typed, with the published answers that
    /// may already answer it, so the citizen can stop or go on. Nothing is filed.
    private func similar(_ draft: PetitionDraft, context: AppRequestContext) async throws -> Response {
        let text = (draft.title ?? "") + " " + (draft.content ?? "")
        let found = try await assist.similarAnswers(to: text)
        let agencies = try await store.agencies().byCode
        let items = found.map {
            PetitionFormPage.SimilarAnswers.Item(
                href: Site.answer(.value($0.code.description)).path, title: $0.title,
                agency: agencies[$0.agencyCode]?.name(context.language) ?? $0.agencyCode,
                score: NumberText.percent($0.score, context.language))
        }
        return try await form(draft, messages: [:], context: context, status: .ok, similar: .init(items: items, none: items.isEmpty))
    }

    /// The draft as typed into the form.
    static func draft(from form: FormData) -> PetitionDraft {
        PetitionDraft(
            submitterKind: form["submitterType"], name: form["name"], address: form["address"], phone: form["phone"],
            email: form["email"], organizationName: form["organizationName"], taxCode: form["taxCode"],
            category: form["category"], field: form["field"], agencyCode: form["agencyCode"],
            title: form["title"], content: form["content"], publishName: form["publishName"] == "on",
            // The form always sends an empty "notifyBy" beside its boxes: none ticked is a choice.
            notifyBy: form.fields["notifyBy"].map { $0.filter { !$0.isEmpty } })
    }

    /// One message per field, in the reader's language.
    static func messages(_ errors: [FieldError], views: Views, context: some WebRequestContext) -> [String: String] {
        var messages: [String: String] = [:]
        for error in errors where messages[error.field] == nil {
            messages[error.field] = views.catalogue.message(for: error, context.base.language)
        }
        return messages
    }

    /// `/gui-phan-anh/da-nhan`: the receipt after the redirect, as often as it is reloaded; the
    /// tracking page once the receipt cookie has gone.
    @Sendable func receipt(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let receipt = receipts.open(request) else { return .redirect(to: Site.track.path, type: .normal) }
        return Self.receiptPage(receipt, views: views, context: context)
    }

    static func receiptPage(_ receipt: IntakeService.Receipt, views: Views, context: AppRequestContext) -> Response {
        let page = ReceiptPage(
            trackingCode: receipt.trackingCode.description, accessKey: AccessKey.grouped(receipt.accessKey),
            receivedAt: DisplayDate.format(receipt.receivedAt), trackingURL: Site.tracking(receipt.trackingCode.description))
        var response = views.page("receipt", title: views.catalogue.text("receipt_title", context.language), body: page, context: context)
        // The access key is on this page only: keep it out of caches and history stores.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func form(
        _ draft: PetitionDraft, messages: [String: String], context: AppRequestContext, status: HTTPResponse.Status,
        similar: PetitionFormPage.SimilarAnswers? = nil
    ) async throws -> Response {
        var page = PetitionFormPage(
            draft: draft, messages: messages, catalogue: views.catalogue, language: context.language,
            categories: try await store.categories(), fields: try await store.fields(), agencies: try await store.agencies())
        page.similar = similar
        return views.page(
            "petition-form", title: views.catalogue.text("form_title", context.language), body: page, context: context, status: status)
    }
}

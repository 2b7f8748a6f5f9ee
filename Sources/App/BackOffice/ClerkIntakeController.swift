import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo/tiep-nhan`: staff enter a petition received on paper, by phone, e-mail or fax
/// (Decision 31/2021/QĐ-TTg Art. 43). The submitter gets the same tracking code and access key,
/// and the channel and the clerk are recorded on the `submitted` event.
struct ClerkIntakeController {
    static let channels: [Channel] = [.paper, .phone, .email, .fax]

    let store: Store
    let views: Views
    let intake: IntakeService
    let receipts: ReceiptCookie

    @Sendable func show(_ request: Request, context: ClerkRequestContext) async throws -> Response {
        try await form(
            PetitionDraft(submitterKind: Submitter.Kind.individual.rawValue), channel: .paper, messages: [:], context: context, status: .ok)
    }

    @Sendable func create(_ request: Request, context: ClerkRequestContext) async throws -> Response {
        let staff = context.staff
        let form = context.form ?? FormData()
        let channel = form["channel"].flatMap(Channel.init(rawValue:)).flatMap { Self.channels.contains($0) ? $0 : nil } ?? .paper
        let draft = PetitionFormController.draft(from: form)
        let uploads = try form.files.filter { $0.field == "attachments" }.map {
            IntakeService.Upload(fileName: $0.fileName, bytes: try $0.bytes)
        }
        do {
            let receipt = try await intake.submit(
                draft, uploads: uploads, channel: channel, actor: .staff(staff.id), actorAgencyCode: staff.agencyCode)
            return try receipts.redirect(receipt)
        } catch AppError.validation(let errors) {
            return try await self.form(
                draft, channel: channel, messages: PetitionFormController.messages(errors, views: views, context: context),
                context: context, status: .unprocessableContent)
        }
    }

    private func form(
        _ draft: PetitionDraft, channel: Channel, messages: [String: String], context: ClerkRequestContext, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = PetitionFormPage(
            draft: draft, messages: messages, catalogue: views.catalogue, language: context.language,
            categories: try await store.categories(), fields: try await store.fields(), agencies: try await store.agencies(),
            clerkChannel: channel)
        return views.page(
            "petition-form", title: views.catalogue.text("intake_title", context.language), body: page, context: context, status: status)
    }
}

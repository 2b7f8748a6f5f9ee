import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// A submitter's own data, for the holder of the access key (Law 91/2025: the data subject may
/// obtain their data): everything LangNghe keeps about them and their petition, as one JSON
/// file to download. Served by `GET /api/v1/petitions/{code}/personal-data` (key in
/// `X-Access-Key`) and by the tracking page's button; each export is in the security log.
struct PersonalDataExport {
    let store: Store
    let deadlines: DeadlineService
    let catalogue: Catalogue

    func response(_ petition: PetitionRecord, accessKey: String?, context: AppRequestContext) async throws -> Response {
        guard AccessKey.matches(accessKey, storedHash: petition.accessKeyHash) else { throw AppError.forbidden }
        let deadline = try await deadlines.answerStatus(events: petition.events, fieldCode: petition.fieldCode, category: petition.category)
        let view = PetitionView(
            petition, publishedTitle: try await store.publishedAnswer(petition.trackingCode)?.title, includePrivate: true,
            deadline: deadline,
            words: CatalogueWords(catalogue: catalogue, language: context.language, agencies: try await store.agencies().byCode))
        try await store.log(
            SecurityLogEntry(at: Date(), action: "personalDataExported", ip: context.ip, detail: petition.trackingCode.description))
        var response = JSONBody.response(view)
        response.headers[.contentDisposition] = "attachment; filename=\"\(petition.trackingCode.description)-du-lieu-ca-nhan.json\""
        // The file holds the submitter's details: kept out of caches.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

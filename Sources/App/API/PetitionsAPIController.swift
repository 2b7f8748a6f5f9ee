import Foundation
import HTTPTypes
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/petitions`: filing a petition and following it.
struct PetitionsAPIController {
    let store: Store
    let intake: IntakeService
    let deadlines: DeadlineService
    let catalogue: Catalogue
    /// Seals the receipts kept for `Idempotency-Key`.
    let secret: String

    /// The submitter's own data as a JSON file, with the access key.
    @Sendable func personalData(_ request: Request, context: AppRequestContext) async throws -> Response {
        let petition = try await find(context)
        return try await PersonalDataExport(store: store, deadlines: deadlines, catalogue: catalogue)
            .response(petition, accessKey: request.headers[.xAccessKey], context: context)
    }

    /// JSON, or multipart with the JSON in a part named `petition` and files in `attachments`.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let contentType = request.headers[.contentType] ?? ""
        let petition: PetitionRequest
        let petitionBytes: [UInt8]
        var uploads: [IntakeService.Upload] = []
        if contentType.hasPrefix("application/json") {
            let body = try await FormMiddleware.collect(&request, limit: Limits.jsonBody)
            petitionBytes = Array(body.readableBytesView)
            petition = try PetitionRequest.decode(Data(petitionBytes))
        } else if contentType.hasPrefix("multipart/form-data") {
            let form = try await FormMiddleware.parse(&request)
            guard let json = form["petition"] else {
                throw AppError.validation([FieldError("petition", .required)])
            }
            petitionBytes = Array(json.utf8)
            petition = try PetitionRequest.decode(Data(petitionBytes))
            uploads = try form.files.filter { $0.field == "attachments" }.map { .init(fileName: $0.fileName, bytes: try $0.bytes) }
        } else {
            throw AppError.unsupportedMediaType
        }
        let idempotency = try IdempotencyKey(
            request.headers[HTTPField.Name(IdempotencyKey.header)!], request: petitionBytes, files: uploads.map { ($0.fileName, $0.bytes) },
            secret: secret)
        let receipt = try await intake.submit(
            petition.draft, uploads: uploads, channel: .api, source: .client(address: context.ip), idempotency: idempotency)
        return JSONBody.response(
            [
                "trackingCode": receipt.trackingCode.description, "accessKey": receipt.accessKey,
                "status": PetitionStatus.received.rawValue, "receivedAt": Timestamp.string(receipt.receivedAt),
            ], status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let petition = try await find(context)
        let isSubmitter = AccessKey.matches(request.headers[.xAccessKey], storedHash: petition.accessKeyHash)
        let deadline = try await deadlines.answerStatus(events: petition.events, fieldCode: petition.fieldCode, category: petition.category)
        return JSONBody.response(
            PetitionView(
                petition, publishedTitle: try await store.publishedAnswer(petition.trackingCode)?.title, includePrivate: isSubmitter,
                deadline: deadline,
                words: CatalogueWords(catalogue: catalogue, language: context.language, agencies: try await store.agencies().byCode)))
    }

    /// An attachment, for the holder of the access key only: files may carry personal data.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let petition = try await find(context)
        guard AccessKey.matches(request.headers[.xAccessKey], storedHash: petition.accessKeyHash) else {
            throw AppError.unauthorized
        }
        guard let id = context.parameters.get("id", as: Int64.self),
            let (info, bytes) = try await store.attachmentContent(petition.trackingCode, attachmentID: id)
        else { throw AppError.notFound }
        return AttachmentResponse.make(info, bytes)
    }

    private func find(_ context: AppRequestContext) async throws -> PetitionRecord {
        guard let code = context.parameters.get("code").flatMap(TrackingCode.init),
            let petition = try await store.petition(code)
        else { throw AppError.notFound }
        return petition
    }
}

/// A stored file sent back as a download, never rendered inline by the browser.
enum AttachmentResponse {
    static func make(_ info: AttachmentInfo, _ bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = info.mediaType
        let ascii = info.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? String($0) : "_" }
            .joined()
        let encoded = info.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/open311/v2`: the Open311 GeoReport v2 interface, so that apps and portals built for it can
/// file petitions and follow them. Every resource in `.json` and `.xml`; errors in the
/// specification's shape (`Open311ErrorMiddleware`). See `docs/open311.md` for the mapping.
struct Open311Controller {
    let store: Store
    let intake: IntakeService
    let deadlines: DeadlineService
    let catalogue: Catalogue
    let environment: AppEnvironment
    /// The public address, for the discovery document and the tracking link in notices.
    let baseURL: String
    let isProduction: Bool

    static let specification = "http://wiki.open311.org/GeoReport_v2"
    /// When the services or their definitions last changed shape; clients refresh their cache
    /// when it moves. Change it with the attributes in `Open311Views`.
    static let changeset = "2026-01-01T00:00:00+07:00"
    /// A form with 150 000 characters of description, percent-encoded.
    static let formLimit = 2 * Limits.jsonBody

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.add(middleware: Open311ErrorMiddleware(catalogue: catalogue))
        for format in Open311Format.allCases {
            let suffix = format.rawValue
            group.get("discovery.\(suffix)", use: { request, context in try await discovery(request, context, format) })
            group.get("services.\(suffix)", use: { request, context in try await services(request, context, format) })
            group.get("services/{code}.\(suffix)", use: { request, context in try await serviceDefinition(request, context, format) })
            group.get("requests.\(suffix)", use: { request, context in try await requests(request, context, format) })
            group.post("requests.\(suffix)", use: { request, context in try await create(request, context, format) })
            group.get("requests/{id}.\(suffix)", use: { request, context in try await single(request, context, format) })
            group.get("tokens/{id}.\(suffix)", use: { request, context in try await token(request, context, format) })
        }
    }

    func discovery(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        let endpoint = Open311Value.object([
            ("specification", .text(Self.specification)),
            ("url", .text(baseURL + "/open311/v2")),
            ("changeset", .text(Self.changeset)),
            ("type", .text(isProduction ? "production" : "test")),
            ("formats", .list(item: "format", [.text("text/xml"), .text("application/json")])),
        ])
        let language = context.language
        return format.response(
            Open311Document(
                root: "discovery",
                value: .object([
                    ("changeset", .text(Self.changeset)),
                    ("contact", .text(catalogue.text("open311_contact", language))),
                    ("key_service", .text(catalogue.text("open311_key_service", language))),
                    ("endpoints", .list(item: "endpoint", [endpoint])),
                ])))
    }

    func services(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        let views = Open311Views(catalogue: catalogue, language: context.language)
        let fields = try await store.fields()
        let services = try await store.categories().map { views.service($0, fields: fields) }
        return format.response(Open311Document(root: "services", value: .list(item: "service", services)))
    }

    func serviceDefinition(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        guard let code = context.parameters.get("code"),
            let category = try await store.categories().first(where: { $0.code.rawValue == code })
        else { throw AppError.notFound }
        let views = Open311Views(catalogue: catalogue, language: context.language)
        let definition = views.serviceDefinition(category, fields: try await store.fields(), agencies: try await store.agencies())
        return format.response(Open311Document(root: "service_definition", value: definition))
    }

    func requests(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        let query = try Open311Query(request.uri.queryParameters, now: environment.now())
        let items = try await store.petitionSummaries(query.filter)
        return format.response(try await serviceRequests(items, context: context))
    }

    func single(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        guard let code = context.parameters.get("id").flatMap(TrackingCode.init) else { throw AppError.notFound }
        let items = try await store.petitionSummaries(PetitionListFilter(codes: [code]))
        guard !items.isEmpty else { throw AppError.notFound }
        return format.response(try await serviceRequests(items, context: context))
    }

    /// Requests are created at once ("realtime"), so a client never needs a token; for those
    /// that ask anyway, a request's token is its tracking code.
    func token(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        guard let code = context.parameters.get("id").flatMap(TrackingCode.init) else { throw AppError.notFound }
        let found = try await store.petitionSummaries(PetitionListFilter(codes: [code]))
        guard !found.isEmpty else { throw AppError.notFound }
        let value = Open311Value.object([("service_request_id", .text(code.description)), ("token", .text(code.description))])
        return format.response(Open311Document(root: "service_requests", value: .list(item: "request", [value])))
    }

    /// `POST requests`: urlencoded (or multipart, with files in `media`), with an `api_key`
    /// issued by an administrator. Answers with the tracking code, a notice with the tracking
    /// page's address, and (a LangNghe extension) the sender's access key, which the client
    /// must hand to the sender: it is shown once.
    func create(_ request: Request, _ context: AppRequestContext, _ format: Open311Format) async throws -> Response {
        var request = request
        let contentType = request.headers[.contentType] ?? ""
        let form: FormData
        if contentType.hasPrefix("multipart/form-data") {
            form = try await FormMiddleware.parse(&request)
        } else {
            let body = try await FormMiddleware.collect(&request, limit: Self.formLimit)
            guard contentType.hasPrefix("application/x-www-form-urlencoded") || body.readableBytes == 0 else {
                throw AppError.unsupportedMediaType
            }
            form = FormData.urlEncoded(body)
        }
        let key = try await authorize(form["api_key"] ?? request.uri.queryParameters.get("api_key"), request: request, context: context)
        let submission = Open311Submission(form, placeLabel: catalogue.text("open311_place", .vi)) { category in
            category.map { catalogue.text("category_" + $0.rawValue, .vi) } ?? catalogue.text("open311_untitled", .vi)
        }
        let uploads = try form.files.filter { $0.field == "media" || $0.field == "media[]" }.map {
            IntakeService.Upload(fileName: $0.fileName, bytes: try $0.bytes)
        }
        let receipt: IntakeService.Receipt
        do {
            receipt = try await intake.submit(submission.draft, uploads: uploads, channel: .open311, source: .integrator)
        } catch AppError.validation(let errors) {
            throw AppError.validation(errors.map(submission.renamed))
        }
        let code = receipt.trackingCode.description
        try await store.log(
            SecurityLogEntry(
                at: environment.now(), action: "open311Submitted", ip: context.ip, detail: "\(code) key #\(key.id) \(key.name)"))
        let notice = catalogue.text("open311_service_notice", context.language)
            .replacingOccurrences(of: "{url}", with: baseURL + Site.tracking(code))
        let value = Open311Value.object([
            ("service_request_id", .text(code)),
            ("service_notice", .text(notice)),
            ("account_id", .text(nil)),
            ("access_key", .text(receipt.accessKey)),
        ])
        return format.response(Open311Document(root: "service_requests", value: .list(item: "request", [value])), status: .created)
    }

    /// The live key behind `api_key`; a missing, unknown or revoked one is refused (403) and logged.
    private func authorize(_ key: String?, request: Request, context: AppRequestContext) async throws -> (id: Int64, name: String) {
        if let key, !key.isEmpty, key.count <= 200, let found = try await store.apiKey(hash: Open311KeysAPIController.hash(key)) {
            return found
        }
        try await store.log(
            SecurityLogEntry(
                at: environment.now(), action: "denied", ip: context.ip,
                detail: "\(request.method.rawValue) \(request.uri.path) apiKeyInvalid"))
        throw Open311Failure(status: .forbidden, key: "open311_api_key_invalid")
    }

    /// The requests as Open311 shows them, with names in the reader's language.
    private func serviceRequests(_ items: [InboxItem], context: AppRequestContext) async throws -> Open311Document {
        let views = Open311Views(catalogue: catalogue, language: context.language)
        let agencies = try await store.agencies().byCode
        let categories = Dictionary(try await store.categories().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let logs = try await store.eventLogs(of: items.map(\.trackingCode))
        var requests: [Open311Value] = []
        for item in items {
            let events = logs[item.trackingCode] ?? []
            let deadline = try await deadlines.answerStatus(events: events, fieldCode: item.fieldCode, category: item.category)
            let agency = agencies[item.leadAgencyCode ?? Agency.governmentOfficeCode]
            requests.append(views.request(item, events: events, category: categories[item.category], agency: agency, deadline: deadline))
        }
        return Open311Document(root: "service_requests", value: .list(item: "request", requests))
    }
}

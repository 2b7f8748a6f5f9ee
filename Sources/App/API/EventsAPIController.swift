import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/petitions/{code}/events` and `/api/v1/inbox`: the workflow over JSON.
struct EventsAPIController {
    let store: Store
    let cases: CaseService
    let deadlines: DeadlineService

    struct EventView: Encodable {
        var sequence: Int
        var type: String
        var at: String
        var agency: String?
        var actor: String
        var text: String
        var isPublic: Bool
        /// The event's typed fields, as stored (docs/events.md): for those who see the case's
        /// internals only.
        var data: CanonicalJSON?

        /// The whole event, for insiders.
        init(_ e: PetitionEvent) throws {
            sequence = e.sequence
            type = e.type.rawValue
            at = Timestamp.string(e.at)
            agency = e.agencyCode
            actor = e.actor.kind
            text = e.text
            isPublic = e.isPublic
            data = try e.canonicalData()
        }

        /// What anyone else reads: the public text (never what the submitter wrote, unless they
        /// are the submitter), no fields.
        init(public e: PetitionEvent, words: CatalogueWords, toSubmitter: Bool) {
            sequence = e.sequence
            type = e.type.rawValue
            at = Timestamp.string(e.at)
            agency = e.agencyCode
            actor = e.actor.kind
            text = e.publicText(words, toSubmitter: toSubmitter)
            isPublic = true
        }
    }

    /// `{"type", …fields}`; staff by bearer token, the submitter by `X-Access-Key`.
    @Sendable func append(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let petition = try await find(context)
        let principal = Self.principal(request, context, petition)
        let (type, input) = try Self.decode(try await request.jsonData())
        let (event, state) = try await cases.act(type, input: input, by: principal, on: petition.trackingCode, ip: context.ip)
        return JSONBody.response(
            ["event": AnyEncodable(try EventView(event)), "status": AnyEncodable(state.status.rawValue)], status: .created)
    }

    /// Every event for those who may see the case's internals; the public ones for everyone else.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let petition = try await find(context)
        let principal = Self.principal(request, context, petition)
        guard !CaseAccess.canSeeInternals(principal, CaseState(events: petition.events)) else {
            return JSONBody.response(try petition.events.map(EventView.init))
        }
        let words = CatalogueWords(catalogue: cases.catalogue, language: context.language, agencies: try await store.agencies().byCode)
        return JSONBody.response(
            petition.events.filter(\.isPublic).map { EventView(public: $0, words: words, toSubmitter: principal == .submitter) })
    }

    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let staff = context.staff else { throw AppError.unauthorized }
        let query = request.uri.queryParameters
        var statuses: [PetitionStatus] = []
        if let text = query.get("status"), !text.isEmpty {
            for part in text.split(separator: ",") {
                guard let status = PetitionStatus(rawValue: String(part)) else {
                    throw AppError.validation([FieldError("status", .invalidChoice)])
                }
                statuses.append(status)
            }
        }
        let scope = try InboxScope.scope(for: staff, agency: query.get("agency"))
        let page: Int
        do { page = try PageNumber(parsing: query.get("page")).value } catch { throw AppError.validation([error]) }
        guard let sort = InboxFilter.Sort(rawValue: query.get("sort") ?? "received") else {
            throw AppError.validation([FieldError("sort", .invalidChoice)])
        }
        let filter = InboxFilter(scope: scope, statuses: statuses, query: query.get("q") ?? "", page: page, sort: sort)
        let (result, due) = try await QueueService(store: store, deadlines: deadlines).page(
            filter, overdueOnly: query.get("overdue") == "true")
        return JSONBody.response(InboxView(result, page: page, due: due))
    }

    struct InboxView: Encodable {
        struct Item: Encodable {
            var trackingCode, title, status, category: String
            var field, leadAgency: String?
            var receivedAt, updatedAt: String
            var dueDate: String?
            var overdue: Bool
        }
        var items: [Item]
        var total: Int
        var page: Int
        var counts: [String: Int]

        init(_ p: InboxPage, page: Int, due: [TrackingCode: DeadlineStatus]) {
            items = p.items.map {
                let deadline = due[$0.trackingCode]
                return Item(
                    trackingCode: $0.trackingCode.description, title: $0.title, status: $0.status.rawValue, category: $0.category.rawValue,
                    field: $0.fieldCode, leadAgency: $0.leadAgencyCode, receivedAt: Timestamp.string($0.receivedAt),
                    updatedAt: Timestamp.string($0.updatedAt),
                    dueDate: deadline.flatMap { $0.deadline.isOpen ? $0.deadline.dueDate.iso : nil },
                    overdue: deadline?.overdue ?? false)
            }
            total = p.total
            self.page = page
            counts = Dictionary(uniqueKeysWithValues: p.countsByStatus.map { ($0.key.rawValue, $0.value) })
        }
    }

    /// The signed-in staff member, else the submitter if the access key matches, else nobody.
    static func principal(_ request: Request, _ context: AppRequestContext, _ petition: PetitionRecord) -> Principal {
        if let staff = context.staff { return .staff(staff.identity) }
        if AccessKey.matches(request.headers[.xAccessKey], storedHash: petition.accessKeyHash) { return .submitter }
        return .anonymous
    }

    /// The event's type and its fields: each a string, a number, or a list of strings (agencies).
    static func decode(_ data: Data) throws -> (EventType, EventInput) {
        guard let object = try? JSONSerialization.jsonObject(with: data), let dictionary = object as? [String: Any] else {
            throw AppError.malformedRequest
        }
        guard let typeText = dictionary["type"] as? String else { throw AppError.validation([FieldError("type", .required)]) }
        guard let type = EventType(rawValue: typeText) else { throw AppError.validation([FieldError("type", .invalidChoice)]) }
        var values: [String: [String]] = [:]
        for (key, value) in dictionary where key != "type" {
            switch value {
            case let text as String: values[key] = [text]
            case let number as NSNumber: values[key] = [number.stringValue]
            case let list as [String]: values[key] = list
            case is NSNull: continue
            default: throw AppError.validation([FieldError(key, .wrongType)])
            }
        }
        return (type, EventInput(values))
    }

    private func find(_ context: AppRequestContext) async throws -> PetitionRecord {
        guard let code = context.parameters.get("code").flatMap(TrackingCode.init), let petition = try await store.petition(code) else {
            throw AppError.notFound
        }
        return petition
    }
}

/// Type erasure for mixed JSON objects.
struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}

/// Which queue a staff member sees by default.
enum InboxScope {
    static func scope(for staff: StaffAccount, agency: String?) throws -> InboxFilter.Scope {
        let identity = staff.identity
        if identity.isCoordinator {
            if let agency, !agency.isEmpty { return .agency(agency) }
            return .all
        }
        if identity.handlesCases { return .agency(staff.agencyCode) }
        if staff.role == .observer { return .invited(observerID: staff.id) }
        throw AppError.forbidden
    }
}

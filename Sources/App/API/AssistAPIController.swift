import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/similar`, `/api/v1/petitions/{code}/similar`, `/api/v1/assist/routing`: the
/// assistant over JSON (OpenAPI: `Resources/OpenAPI`).
struct AssistAPIController {
    let store: Store
    let assist: AssistService

    /// Public: published answers to questions like `text`, masked as published.
    @Sendable func similarAnswers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let text = try Self.text(request.uri.queryParameters.get("text"), field: "text", max: Self.maximumQuery)
        let items = try await assist.similarAnswers(to: text, limit: 10).map {
            SimilarAnswerView(trackingCode: $0.code.description, title: $0.title, score: Self.rounded($0.score))
        }
        return JSONBody.response(["items": items])
    }

    /// Staff who may see the case: cases like it (those they may see), with the verdicts.
    @Sendable func similarCases(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let staff = context.staff else { throw AppError.unauthorized }
        guard let code = context.parameters.get("code").flatMap(TrackingCode.init), let petition = try await store.petition(code) else {
            throw AppError.notFound
        }
        guard CaseAccess.canSeeInternals(.staff(staff.identity), CaseState(events: petition.events)) else { throw AppError.forbidden }
        let items = try await assist.similarCases(to: code, for: staff.identity, limit: 20).map {
            SimilarCaseView(
                trackingCode: $0.code.description, score: Self.rounded($0.score), duplicate: $0.duplicate,
                repeatedComplaint: $0.repeatedComplaint)
        }
        return JSONBody.response(["items": items])
    }

    /// Coordinators: where a petition of this title and content would go.
    @Sendable func routing(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let staff = context.staff else { throw AppError.unauthorized }
        guard staff.identity.isCoordinator else { throw AppError.forbidden }
        var request = request
        guard let body = try? JSONSerialization.jsonObject(with: try await request.jsonData()) as? [String: Any] else {
            throw AppError.malformedRequest
        }
        var errors: [FieldError] = []
        func read(_ name: String) -> String {
            guard let value = body[name] else { return "" }
            guard let text = value as? String else {
                errors.append(FieldError(name, .wrongType))
                return ""
            }
            if text.count > AssistService.maximumText { errors.append(FieldError(name, .tooLong(max: AssistService.maximumText))) }
            return text
        }
        let title = read("title")
        let content = read("content")
        if errors.isEmpty, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            errors.append(FieldError("content", .required))
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let suggestion = try await assist.suggestRouting(title: title, content: content)
        return JSONBody.response(
            RoutingView(
                agencies: suggestion?.agencies.map { .init(code: $0.code, score: Self.rounded($0.score)) } ?? [],
                fields: suggestion?.fields.map { .init(code: $0.code, score: Self.rounded($0.score)) } ?? []))
    }

    /// The longest text taken in a query string: a title and the start of a petition say enough,
    /// and a longer address is refused by HTTP servers and proxies before it arrives.
    static let maximumQuery = 2_000

    /// A text to compare: present, not blank, not longer than `max`.
    static func text(_ given: String?, field: String, max: Int) throws -> String {
        guard let given, !given.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AppError.validation([FieldError(field, .required)])
        }
        guard given.count <= max else { throw AppError.validation([FieldError(field, .tooLong(max: max))]) }
        return given
    }

    /// Three decimals: more says nothing and makes responses differ by rounding noise.
    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    struct SimilarAnswerView: Encodable {
        let trackingCode: String
        let title: String
        let score: Double
    }

    struct SimilarCaseView: Encodable {
        let trackingCode: String
        let score: Double
        let duplicate: Bool
        let repeatedComplaint: Bool
    }

    struct RoutingView: Encodable {
        struct Choice: Encodable {
            let code: String
            let score: Double
        }
        let agencies: [Choice]
        let fields: [Choice]
    }
}

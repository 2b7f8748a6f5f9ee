import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Published answers: `/tra-loi` and `/tra-loi/{code}` for people, `/api/v1/answers` for programs.
struct AnswersController {
    let store: Store
    let views: Views

    @Sendable func listJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let filter = try AnswerFilterReader.read(request)
        let (answers, total) = try await store.publishedAnswers(filter)
        return JSONBody.response([
            "items": AnyEncodable(answers.map(AnswerView.init)), "total": AnyEncodable(total), "page": AnyEncodable(filter.page),
        ])
    }

    @Sendable func showJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONBody.response(AnswerView(try await find(context)))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (filter, errors) = AnswerFilterReader.readKeepingErrors(request)
        let (answers, total) = try await store.publishedAnswers(filter)
        let page = try await AnswersPage(
            answers: answers, total: total, filter: filter, request: request, errors: errors, store: store, catalogue: views.catalogue,
            language: context.language)
        return views.page(
            "answers", title: views.catalogue.text("answers_title", context.language), body: page, context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let answer = try await find(context)
        let agencies = try await store.agencies().byCode
        let page = AnswerItem(answer, catalogue: views.catalogue, language: context.language, agencies: agencies, snippet: nil)
        return views.page("answer", title: answer.title, body: page, context: context)
    }

    private func find(_ context: AppRequestContext) async throws -> PublishedAnswer {
        guard let code = context.parameters.get("code").flatMap(TrackingCode.init), let answer = try await store.publishedAnswer(code)
        else {
            throw AppError.notFound
        }
        return answer
    }
}

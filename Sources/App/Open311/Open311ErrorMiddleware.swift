import Hummingbird
import LangNgheCore
import Logging
import NIOCore

/// A refusal with its own sentence in the catalogue, for what `AppError` has no case for.
struct Open311Failure: Error {
    let status: HTTPResponse.Status
    /// The catalogue key of the description.
    let key: String
}

/// Open311 clients expect errors in the specification's shape, in the format they asked for:
/// `[{"code": 400, "description": "…"}]` or `<errors><error>…</error></errors>`, the HTTP status
/// being the code. Field errors are one entry each, naming the Open311 field, in the reader's
/// language (Vietnamese unless asked otherwise).
struct Open311ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let catalogue: Catalogue

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, descriptions) = describe(error, context: context)
            let code = Int(status.code)
            return Open311Format(path: request.uri.path).response(
                .errors(descriptions.map { (code: code, description: $0) }), status: status)
        }
    }

    func describe(_ error: any Error, context: Context) -> (HTTPResponse.Status, [String]) {
        let language = context.language
        switch error {
        case let failure as Open311Failure:
            return (failure.status, [catalogue.text(failure.key, language)])
        case let error as AppError:
            if case .validation(let errors) = error {
                // One entry per field, naming it: "attribute[title]: Vui lòng nhập mục này."
                var seen: Set<String> = []
                let unique = errors.filter { seen.insert($0.field).inserted }
                return (.badRequest, unique.map { "\($0.field): " + catalogue.message(for: $0, language) })
            }
            return (error.status, [catalogue.text("http_" + error.code, language)])
        case is NIOTooManyBytesError:
            return (.contentTooLarge, [catalogue.text("http_tooLarge", language)])
        case let error as HTTPError:
            let key = error.status == .notFound ? "http_notFound" : "http_httpError"
            return (error.status, [catalogue.text(key, language)])
        default:
            context.logger.error("open311 request failed", metadata: ["error": "\(String(reflecting: error))"])
            return (.internalServerError, [catalogue.text("http_internal", language)])
        }
    }
}

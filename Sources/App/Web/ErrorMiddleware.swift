import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage
import Logging
import NIOCore

/// Turns every failure into what the reader understands: the API's error JSON, or an HTML page
/// in the reader's language. Never a stack trace; unexpected errors are logged with the request
/// id and shown as a plain 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views
    let catalogue: Catalogue
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch AppError.signInRequired where !FormMiddleware.isMachineInterface(request.uri.path) {
            return .redirect(to: Site.signIn.path, type: .normal)
        } catch {
            let alreadyLogged = error is LoggedDenial
            let error = (error as? LoggedDenial)?.error ?? error
            let (status, code, fields) = classify(error, context: context)
            if status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var message = catalogue.text("http_" + code, context.language)
            if case AppError.conflict(let key) = error { message = catalogue.text(key, context.language) }
            if !alreadyLogged, let denial = error as? AppError, denial.isDenial {
                // Permission denials go to the security log, with who and from where.
                try? await store.log(
                    SecurityLogEntry(
                        at: Date(), action: "denied", staffID: context.staff?.id, username: context.staff?.username,
                        ip: context.ip, detail: "\(request.method.rawValue) \(request.uri.path) \(code)"))
            }
            var response: Response
            if FormMiddleware.isMachineInterface(request.uri.path) {
                response = APIError(code: code, message: message, fields: fields).response(status: status)
            } else {
                let page = ErrorPage(
                    status: Int(status.code), message: message,
                    fields: fields.sorted { $0.key < $1.key }.map { ErrorPage.FieldMessage(field: $0.key, message: $0.value) })
                response = views.page("error", title: message, body: page, context: context, status: status)
            }
            if let seconds = (error as? AppError)?.retryAfter { response.headers[.retryAfter] = String(seconds) }
            if case AppError.methodNotAllowed(let allowed) = error { response.headers[.allow] = allowed }
            return response
        }
    }

    private func classify(_ error: any Error, context: Context) -> (HTTPResponse.Status, String, [String: String]) {
        switch error {
        case let error as AppError:
            var fields: [String: String] = [:]
            if case .validation(let errors) = error {
                for e in errors where fields[e.field] == nil { fields[e.field] = catalogue.message(for: e, context.language) }
            }
            return (error.status, error.code, fields)
        case is NIOTooManyBytesError:
            return (.contentTooLarge, AppError.tooLarge.code, [:])
        case is DecodingError:
            return (.badRequest, AppError.malformedRequest.code, [:])
        case let error as HTTPError:
            switch error.status {
            case .notFound: return (.notFound, AppError.notFound.code, [:])
            case .contentTooLarge: return (.contentTooLarge, AppError.tooLarge.code, [:])
            case .unsupportedMediaType: return (.unsupportedMediaType, AppError.unsupportedMediaType.code, [:])
            case .methodNotAllowed: return (.methodNotAllowed, "methodNotAllowed", [:])
            case .badRequest: return (.badRequest, AppError.malformedRequest.code, [:])
            default: return (error.status, "httpError", [:])
            }
        default:
            return (.internalServerError, "internal", [:])
        }
    }
}

/// The API's error body: `{"error": {"code", "message", "fields": {"submitter.phone": "…"}}}`.
struct APIError: Encodable {
    var code: String
    var message: String
    var fields: [String: String]

    func response(status: HTTPResponse.Status) -> Response {
        JSONBody.response(["error": self], status: status)
    }
}

struct ErrorPage {
    struct FieldMessage {
        let field: String
        let message: String
    }
    let status: Int
    let message: String
    let fields: [FieldMessage]
    let hasFields: Bool

    init(status: Int, message: String, fields: [FieldMessage]) {
        self.status = status
        self.message = message
        self.fields = fields
        hasFields = !fields.isEmpty
    }
}

import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Reference data and health: `/api/v1/agencies`, `/api/v1/categories`, `/healthz`.
struct ReferenceAPIController {
    let store: Store

    struct CategoryView: Encodable {
        struct FieldView: Encodable {
            var code: String
            var nameVi: String
            var nameEn: String
        }
        var code: String
        var nameVi: String
        var nameEn: String
        var descriptionVi: String
        var descriptionEn: String
        var fields: [FieldView]
    }

    @Sendable func agencies(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONBody.response(try await store.agencies())
    }

    @Sendable func categories(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await store.fields().filter(\.active)
        let views = try await store.categories().map { category in
            CategoryView(
                code: category.code.rawValue, nameVi: category.nameVi, nameEn: category.nameEn,
                descriptionVi: category.descriptionVi, descriptionEn: category.descriptionEn,
                fields: fields.filter { $0.categories.contains(category.code) }.map {
                    .init(code: $0.code, nameVi: $0.nameVi, nameEn: $0.nameEn)
                })
        }
        return JSONBody.response(views)
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        let database = store.dialect.rawValue
        do {
            try await store.ping()
            return JSONBody.response(["status": "ok", "database": database])
        } catch {
            context.logger.error("health check failed", metadata: ["error": "\(error)"])
            return JSONBody.response(["status": "unavailable", "database": database], status: .serviceUnavailable)
        }
    }
}

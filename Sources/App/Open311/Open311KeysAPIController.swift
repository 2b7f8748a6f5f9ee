import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/api/v1/open311-keys`: admins issue and revoke the keys partner applications need to file
/// petitions through Open311. A key is shown once, when issued; the database keeps its SHA-256.
struct Open311KeysAPIController {
    let store: Store
    let environment: AppEnvironment

    struct KeyView: Encodable {
        var id: Int64
        var name: String
        var createdAt: String
        var revoked: Bool
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireAPIAdmin()
        return JSONBody.response(
            try await store.apiKeys().map {
                KeyView(id: $0.id, name: $0.name, createdAt: Timestamp.string($0.createdAt), revoked: $0.revoked)
            })
    }

    /// `{"name": "Cổng Dịch vụ công quốc gia"}` → `{"apiKey", "id"}`.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAPIAdmin()
        var request = request
        let object = try await request.jsonObject(limit: 16_384)
        guard let raw = object["name"] as? String else {
            throw AppError.validation([FieldError("name", object["name"] == nil ? .required : .wrongType)])
        }
        let name = VietnameseText.normalized(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw AppError.validation([FieldError("name", .required)]) }
        if name.count > 200 { throw AppError.validation([FieldError("name", .tooLong(max: 200))]) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw AppError.validation([FieldError("name", .invalidCharacters)])
        }
        let key = Self.generate()
        let now = environment.now()
        let id = try await store.createAPIKey(name: name, hash: Self.hash(key), now: now)
        try await store.log(
            SecurityLogEntry(
                at: now, action: "apiKeyIssued", staffID: admin.id, username: admin.username, ip: context.ip, detail: "#\(id) \(name)"))
        return JSONBody.response(["apiKey": AnyEncodable(key), "id": AnyEncodable(id)], status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAPIAdmin()
        guard let id = context.parameters.get("id", as: Int64.self), try await store.revokeAPIKey(id: id) else {
            throw AppError.notFound
        }
        try await store.log(
            SecurityLogEntry(
                at: environment.now(), action: "apiKeyRevoked", staffID: admin.id, username: admin.username, ip: context.ip,
                detail: "#\(id)"))
        return Response(status: .noContent)
    }

    /// 256 random bits, base64url.
    static func generate() -> String { RandomToken.make(bytes: 32) }

    /// What the database keeps: the key's SHA-256, in hex. The key is long and random, so a fast
    /// hash is enough.
    static func hash(_ key: String) -> String { Hashing.sha256Hex(key) }
}

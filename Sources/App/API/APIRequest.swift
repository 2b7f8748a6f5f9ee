import Foundation
import Hummingbird
import LangNgheStorage

/// What JSON endpoints need from a request: its body as JSON (415 for another content type,
/// 413 when too large, 400 when malformed) and, for admin endpoints, the signed-in admin.
extension Request {
    /// The body, collected within `limit`, from a request that says it is JSON.
    mutating func jsonData(limit: Int = Limits.jsonBody) async throws -> Data {
        guard (headers[.contentType] ?? "").hasPrefix("application/json") else { throw AppError.unsupportedMediaType }
        return Data(buffer: try await FormMiddleware.collect(&self, limit: limit))
    }

    /// The body as a JSON object.
    mutating func jsonObject(limit: Int = Limits.jsonBody) async throws -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: try await jsonData(limit: limit)) as? [String: Any] else {
            throw AppError.malformedRequest
        }
        return object
    }
}

extension AppRequestContext {
    /// The admin behind the bearer token: 401 without one, 403 for anyone else.
    func requireAPIAdmin() throws -> StaffAccount {
        guard let staff else { throw AppError.unauthorized }
        guard staff.role == .admin else { throw AppError.forbidden }
        return staff
    }
}

import App
import Foundation
import Hummingbird
import HummingbirdTesting
import LangNgheStorage
import NIOCore

/// Builds the real application on a fresh database and runs `body` against it.
func withApp(
    environment: AppEnvironment = .live,
    settings: Settings = Settings(
        environment: .testing, figuresCacheSeconds: 0, submissionsPerAddressPerHour: 0, submissionsPerSenderPerDay: 0),
    _ body: @Sendable (any TestClientProtocol, Store) async throws -> Void
) async throws {
    try await TestDatabase.withStore { store in
        let app = try await buildApplication(
            settings: settings, store: store, environment: environment, logger: TestDatabase.logger)
        try await app.test(.router) { client in try await body(client, store) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
    }
}

/// A valid JSON petition, with overrides.
func petitionJSON(_ changes: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
    var submitter: [String: Any] = [
        "type": "individual", "name": "Nguyễn Văn An", "address": "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh",
        "phone": "0912 345 678", "email": "an.nguyen@example.vn",
    ]
    var body: [String: Any] = [
        "category": "conduct", "field": "land", "agencyCode": "HCM",
        "title": "Chậm cấp sổ đỏ tại phường Sài Gòn",
        "content": "Tôi nộp hồ sơ cấp Giấy chứng nhận quyền sử dụng đất từ tháng 3 nhưng đến nay chưa được giải quyết.",
        "publishName": false,
    ]
    body["submitter"] = submitter
    changes(&body)
    if let s = body["submitter"] as? [String: Any] { submitter = s }
    return body
}

func jsonBuffer(_ object: Any) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Synchronization

@testable import App

/// Staff accounts for tests, all with one password (hashed once per test run: bcrypt is slow
/// on purpose).
enum TestStaff {
    static let password = "mật-khẩu-kiểm-thử-2026"
    static let passwordHash = Passwords.hashNow(password)

    /// username: (agency, role)
    static let accounts: [(String, String, StaffRole)] = [
        ("vpcp", "VPCP", .coordinator), ("admin", "VPCP", .admin), ("observer", "VPCP", .observer),
        ("btc-officer", "BTC", .officer), ("btc-leader", "BTC", .leader),
        ("byt-officer", "BYT", .officer), ("byt-leader", "BYT", .leader),
        ("bnv-officer", "BNV", .officer), ("hcm-officer", "HCM", .officer), ("hcm-leader", "HCM", .leader),
    ]

    static func create(in store: Store) async throws {
        for (username, agency, role) in accounts {
            _ = try await store.createStaff(
                username: username, displayName: username, agencyCode: agency, role: role, passwordHash: passwordHash)
        }
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Date()) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The API as a staff member or a submitter uses it.
struct APIUser {
    let client: any TestClientProtocol
    var token: String?
    var accessKey: String?

    static func signIn(_ client: any TestClientProtocol, _ username: String) async throws -> APIUser {
        let response = try await client.execute(
            uri: "/api/v1/auth/login", method: .post, headers: jsonHeaders,
            body: jsonBuffer(["username": username, "password": TestStaff.password]))
        let token = try response.json()["token"] as? String
        return APIUser(client: client, token: token)
    }

    var headers: HTTPFields {
        var headers = jsonHeaders
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let accessKey { headers[.xAccessKey] = accessKey }
        return headers
    }

    /// Appends an event; returns the response.
    @discardableResult
    func act(_ code: String, _ type: String, _ fields: [String: Any] = [:]) async throws -> TestResponse {
        var body = fields
        body["type"] = type
        return try await client.execute(uri: "/api/v1/petitions/\(code)/events", method: .post, headers: headers, body: jsonBuffer(body))
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
    }
}

/// Files a petition through the API; returns its code and access key.
func submitPetition(_ client: any TestClientProtocol, _ changes: (inout [String: Any]) -> Void = { _ in }) async throws -> (String, String)
{
    let receipt = try await client.execute(
        uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(petitionJSON(changes))
    ).json()
    return (receipt["trackingCode"] as? String ?? "", receipt["accessKey"] as? String ?? "")
}

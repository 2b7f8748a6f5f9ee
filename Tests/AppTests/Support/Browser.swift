import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// What a browser does with our forms: keeps the cookies, reads the CSRF token from the page,
/// and posts urlencoded or multipart bodies.
final class Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        remember(response)
        return response
    }

    /// Posts `fields` (and `files` as multipart) with the CSRF token of the last page, unless
    /// `csrf` says otherwise.
    @discardableResult
    func post(
        _ uri: String, fields: [(String, String)], files: [(field: String, name: String, bytes: [UInt8])] = [],
        csrf: String? = nil, multipart: Bool = false
    ) async throws -> TestResponse {
        var all = fields
        if let csrf { all.insert(("_csrf", csrf), at: 0) }
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let body: ByteBuffer
        if multipart || !files.isEmpty {
            let boundary = "----LangNgheTest\(UUID().uuidString)"
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            var data = Data()
            for (name, value) in all {
                data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
            }
            for file in files {
                data.append(
                    Data(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                            .utf8))
                data.append(contentsOf: file.bytes)
                data.append(Data("\r\n".utf8))
            }
            data.append(Data("--\(boundary)--\r\n".utf8))
            body = ByteBuffer(bytes: data)
        } else {
            headers[.contentType] = "application/x-www-form-urlencoded"
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            body = ByteBuffer(
                string: all.map {
                    ($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                        + ($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
                }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        remember(response)
        return response
    }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    private func remember(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
    }

    /// The CSRF token in a page's forms.
    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

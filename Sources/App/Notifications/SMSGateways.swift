import AsyncHTTPClient
import Foundation
import LangNgheCore
import Logging
import NIOCore
import NIOHTTP1

/// Development SMS: each message a line in the log and in `sms.log` in the mail folder.
struct LogSMSGateway: SMSGateway {
    let folder: String
    let logger: Logger
    var gsm7 = true

    func send(to phone: String, text: String, id: String, commit: @Sendable () async throws -> Bool) async -> DeliveryResult {
        do {
            guard try await commit() else { return .abandoned }
            let masked = String(phone.prefix(3)) + String(repeating: "•", count: max(0, phone.count - 5)) + String(phone.suffix(2))
            logger.info("sms", metadata: ["to": "\(masked)", "id": "\(id)", "segments": "\(SMSText.segments(text))"])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let line = Data("\(Timestamp.string(Date()))\t\(id)\t\(phone)\t\(text.replacingOccurrences(of: "\n", with: " "))\n".utf8)
            let path = URL(fileURLWithPath: folder).appendingPathComponent("sms.log")
            if let handle = FileHandle(forWritingAtPath: path.path) {
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: line)
            } else {
                try line.write(to: path)
            }
            return .sent
        } catch {
            return .failed("\(error)", permanent: false)
        }
    }
}

/// An SMS provider's HTTP JSON API (`SMS_GATEWAY_URL`, `SMS_GATEWAY_TOKEN` sent as a bearer
/// token, `SMS_GATEWAY_TEMPLATE`: the JSON body with `{{to}}`, `{{text}}` and `{{id}}` in it,
/// each replaced by a JSON string). A 2xx is sent, a 4xx refused for good, anything else tried
/// again; the id lets a provider that deduplicates drop a repeat.
struct HTTPSMSGateway: SMSGateway {
    let url: String
    let token: String?
    let template: String
    let gsm7: Bool

    static let defaultTemplate = #"{"to": {{to}}, "text": {{text}}, "id": {{id}}}"#

    func body(to phone: String, text: String, id: String) -> String {
        template.replacingOccurrences(of: "{{to}}", with: Self.json(phone))
            .replacingOccurrences(of: "{{text}}", with: Self.json(text))
            .replacingOccurrences(of: "{{id}}", with: Self.json(id))
    }

    static func json(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? String(decoding: encoder.encode(text), as: UTF8.self)) ?? "\"\""
    }

    func send(to phone: String, text: String, id: String, commit: @Sendable () async throws -> Bool) async -> DeliveryResult {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(string: body(to: phone, text: text, id: id)))
        do {
            guard try await commit() else { return .abandoned }
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            switch response.status.code {
            case 200..<300: return .sent
            case 400..<500 where response.status != .tooManyRequests: return .failed("gateway: \(response.status)", permanent: true)
            default: return .failed("gateway: \(response.status)", permanent: false)
            }
        } catch {
            return .failed("gateway: \(error)", permanent: false)
        }
    }
}

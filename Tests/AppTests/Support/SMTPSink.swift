import Foundation
import NIOCore
import NIOPosix

/// A real SMTP server for the tests (issue 14): `Tests/Support/smtp_sink.py`, on Python's
/// aiosmtpd (installed by `.ci/run`; `SMTP_TEST_PYTHON` names the interpreter). Every message it
/// accepts is a file in `folder`.
final class SMTPSink: @unchecked Sendable {
    let port: Int
    let folder: URL
    private let process: Process

    static var python: String { ProcessInfo.processInfo.environment["SMTP_TEST_PYTHON"] ?? "python3" }

    /// Whether aiosmtpd can be run here; CI installs it, so there the tests that need it run.
    static let isAvailable: Bool = {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [python, "-c", "import aiosmtpd"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }()

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Support/smtp_sink.py")

    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        return channel.localAddress?.port ?? 0
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-mail-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    init(
        port: Int? = nil, folder: URL = SMTPSink.temporaryFolder(), tls: (cert: String, key: String)? = nil,
        user: (String, String)? = nil, refuse: String? = nil
    ) throws {
        self.port = try port ?? Self.freePort()
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = [Self.python, Self.script.path, "--port", String(self.port), "--folder", folder.path]
        if let tls { arguments += ["--cert", tls.cert, "--key", tls.key] }
        if let user { arguments += ["--user", user.0, "--password", user.1] }
        if let refuse { arguments += ["--refuse", refuse] }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Waits for "ready", at most ten seconds.
        let deadline = Date().addingTimeInterval(10)
        var seen = Data()
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
            if String(decoding: seen, as: UTF8.self).contains("ready") { return }
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown)
    }

    /// Stops the server at once, as a crash would: nothing of it is waited for.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    /// The messages received, oldest first, as text.
    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted { a, b in
            let number = { (name: String) in Int(name.split(separator: "-").first ?? "") ?? 0 }
            return number(a) < number(b)
        }.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The Message-ID of each message received.
    func messageIDs() -> [String] { messages().compactMap(Self.messageID) }

    static func messageID(_ message: String) -> String? {
        message.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") }.map { String($0.dropFirst(12)) }
    }

    /// A subject as written: its encoded words decoded.
    static func subject(_ message: String) -> String? {
        guard let start = message.range(of: "\r\nSubject: ") else { return nil }
        var header = ""
        for line in message[start.upperBound...].components(separatedBy: "\r\n") {
            if !header.isEmpty && !line.hasPrefix(" ") { break }
            header += line.trimmingCharacters(in: .whitespaces) + " "
        }
        return header.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) + " " }
            let base64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined().trimmingCharacters(in: .whitespaces)
    }

    /// The plain-text part, decoded.
    static func text(_ message: String) -> String {
        let parts = message.components(separatedBy: "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
        guard parts.count > 1, let body = parts[1].components(separatedBy: "\r\n--").first else { return "" }
        return String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")) ?? Data(), as: UTF8.self)
    }

    /// A certificate for 127.0.0.1 and its key (openssl), for STARTTLS.
    static func certificate(in folder: URL) throws -> (cert: String, key: String) {
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert,
            "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        return (cert, key)
    }
}

import Foundation
import LangNgheCore
import NIOCore
import NIOPosix
import NIOSSL

/// Sends mail to an SMTP server (RFC 5321) on SwiftNIO: implicit TLS (`smtps://`, port 465) or
/// STARTTLS (`smtp://`, port 587), then AUTH PLAIN when the settings carry a user. Credentials
/// never cross the network in clear: without TLS, only a server on this machine is spoken to.
/// One connection carries a batch of messages.
struct SMTPMailer: MailTransport {
    let server: SMTPServer
    /// Our name in EHLO.
    let heloName: String
    /// A whole batch on one connection must be done within this.
    var timeout: Duration = .seconds(120)

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// A 5xx reply: the server will not take it, however often asked.
        var permanent: Bool
    }

    func deliver(_ messages: [MailMessage], commit: @Sendable (Int) async throws -> Bool) async -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        do {
            try await session { conversation in
                for (index, message) in messages.enumerated() {
                    let result = await conversation.send(message) { try await commit(index) }
                    results.append(result)
                    // A connection gone bad stops the batch; the rest is tried again later.
                    if case .failed(let reason, false) = result { throw Failure(description: reason, permanent: false) }
                    // The server waits for the dot of a message dropped mid-DATA: only closing the
                    // connection ends it (and drops the message).
                    if result == .abandoned { throw Failure(description: "a message was abandoned", permanent: false) }
                }
            }
        } catch {
            // The server or the connection failed, not a message: every message not sent is
            // tried again later.
            let reason = (error as? Failure)?.description ?? "\(error)"
            while results.count < messages.count { results.append(.failed(reason, permanent: false)) }
        }
        return results
    }

    /// Opens a connection, greets, secures and authenticates it, runs `body`, says QUIT.
    private func session(_ body: (Conversation) async throws -> Void) async throws {
        let tls = server.tls
        let implicit = server.implicitTLS
        let host = server.host
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: server.host, port: server.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: SMTPServer.isIPAddress(host) ? nil : host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        // However the server stalls, the connection ends after `timeout`: its lines end, and
        // the conversation fails as if the server had closed it.
        let limit = channel.channel.eventLoop.scheduleTask(in: .seconds(timeout.components.seconds)) {
            channel.channel.close(promise: nil)
        }
        defer { limit.cancel() }
        try await channel.executeThenClose { inbound, outbound in
            let conversation = Conversation(lines: inbound.makeAsyncIterator(), outbound: outbound)
            try await conversation.expect(220)
            var features = try await conversation.command("EHLO \(heloName)", expect: 250)
            if !implicit {
                if features.contains(where: { $0.uppercased() == "STARTTLS" }) {
                    try await conversation.command("STARTTLS", expect: 220)
                    try await channel.channel.pipeline.addHandler(
                        NIOSSLClientHandler(context: tls, serverHostname: SMTPServer.isIPAddress(host) ? nil : host), position: .first)
                    features = try await conversation.command("EHLO \(heloName)", expect: 250)
                } else if !server.allowsPlainText {
                    throw Failure(description: "the mail server \(host) offers no STARTTLS; refusing to send in clear", permanent: false)
                }
            }
            if let user = server.username {
                let plain = Data(([0] + Array(user.utf8) + [0] + Array((server.password ?? "").utf8))).base64EncodedString()
                try await conversation.command("AUTH PLAIN \(plain)", expect: 235)
            }
            try await body(conversation)
            _ = try? await conversation.command("QUIT", expect: 221)
        }
    }

    /// The lines of one connection, read and written in turn.
    final class Conversation {
        // Used by one task at a time: the session's.
        var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

        init(lines: NIOAsyncChannelInboundStream<String>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
            self.lines = lines
            self.outbound = outbound
        }

        /// Reads one reply (its lines "250-…" up to "250 …"); its code must be `code`. Returns
        /// the text of its lines after the first (EHLO's extensions).
        @discardableResult
        func expect(_ code: Int) async throws -> [String] {
            var texts: [String] = []
            while true {
                guard let line = try await lines.next() else {
                    throw Failure(description: "the mail server closed the connection", permanent: false)
                }
                guard line.count >= 3, let got = Int(line.prefix(3)) else {
                    throw Failure(description: "not SMTP: \(line.prefix(80))", permanent: false)
                }
                let text = String(line.dropFirst(4))
                texts.append(text)
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    guard got == code else {
                        throw Failure(description: "\(line.prefix(200))", permanent: (500..<600).contains(got))
                    }
                    return Array(texts.dropFirst())
                }
            }
        }

        @discardableResult
        func command(_ line: String, expect code: Int) async throws -> [String] {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await expect(code)
        }

        /// One message: envelope, data, commit point, closing dot. A refusal of this message
        /// (a 5xx for its recipient) leaves the connection usable: RSET and go on. After
        /// `.abandoned` the connection is in the middle of DATA and must be closed.
        func send(_ message: MailMessage, commit: () async throws -> Bool) async -> DeliveryResult {
            do {
                try await command("MAIL FROM:<\(message.from)>", expect: 250)
                try await command("RCPT TO:<\(message.to)>", expect: 250)
                try await command("DATA", expect: 354)
                try await outbound.write(ByteBuffer(string: Self.dotStuffed(message.rendered())))
                guard try await commit() else {
                    // Nothing is final before the dot: closing the connection drops the message.
                    throw Failure(description: "abandoned", permanent: false)
                }
                try await command(".", expect: 250)
                return .sent
            } catch let failure as Failure where failure.permanent {
                _ = try? await command("RSET", expect: 250)
                return .failed(failure.description, permanent: true)
            } catch let failure as Failure where failure.description == "abandoned" {
                return .abandoned
            } catch {
                return .failed((error as? Failure)?.description ?? "\(error)", permanent: false)
            }
        }

        /// RFC 5321 §4.5.2: a line that starts with a dot gets another.
        static func dotStuffed(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n.", with: "\r\n..")
        }
    }
}

/// Where mail goes (`SMTP_URL`): `smtp://user:password@host:587` (STARTTLS) or
/// `smtps://user:password@host:465` (implicit TLS); `?ca=/path/ca.pem` trusts that CA besides
/// the system's; `?tls=none` allows a relay without TLS (only when no password is sent).
struct SMTPServer: Sendable {
    var host: String
    var port: Int
    var implicitTLS: Bool
    var username: String?
    var password: String?
    var plainTextAllowed = false
    /// Made once, with the settings: the trust roots are read from disk here, not per message.
    let tls: NIOSSLContext

    init(url text: String) throws(SettingsProblem) {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["smtp", "smtps"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw SettingsProblem("must look like smtp://user:password@host:587 or smtps://…:465") }
        self.host = host
        implicitTLS = scheme == "smtps"
        port = url.port ?? (implicitTLS ? 465 : 587)
        username = url.percentEncodedUser?.removingPercentEncoding
        password = url.percentEncodedPassword?.removingPercentEncoding
        var configuration = TLSConfiguration.makeClientConfiguration()
        for item in url.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("ca", let path) where !path.isEmpty:
                guard FileManager.default.isReadableFile(atPath: path) else { throw SettingsProblem("ca: cannot read \(path)") }
                configuration.additionalTrustRoots = [.file(path)]
            case ("tls", "none"): plainTextAllowed = true
            default: throw SettingsProblem("unknown option '\(item.name)' (ca=/path/ca.pem, tls=none)")
            }
        }
        do {
            tls = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SettingsProblem("cannot set up TLS (a CA file that is not PEM?): \(error)")
        }
        if plainTextAllowed, username != nil, !isLoopback {
            throw SettingsProblem("tls=none with a password would send it in clear; use STARTTLS or smtps://")
        }
    }

    /// Without TLS only on this machine (a test server, a local relay) or when asked for and no
    /// password is sent.
    var allowsPlainText: Bool { isLoopback || (plainTextAllowed && username == nil) }

    var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

}

/// A setting that cannot be used, said in a sentence after its name.
struct SettingsProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

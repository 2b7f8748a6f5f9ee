import Foundation
import HummingbirdTesting
import Testing

@testable import App

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real server on a real socket: connections that send half a request head, or nothing,
/// are closed after the idle timeout instead of staying open forever (issue 9).
@Suite struct ConnectionTimeoutTests {
    @Test func halfOpenConnectionsAreClosed() async throws {
        var settings = Settings(environment: .testing, port: 0)
        settings.connectionIdleSeconds = 1
        try await TestDatabase.withStore { store in
            let app = try await buildApplication(settings: settings, store: store, logger: TestDatabase.logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let silent = try RawConnection(port: port)
                let partial = try RawConnection(port: port)
                partial.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                try await Task.sleep(for: .seconds(3))
                #expect(await silent.isClosedByServer())
                #expect(await partial.isClosedByServer())
                // A whole request is still answered.
                let whole = try RawConnection(port: port)
                whole.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                #expect(await whole.response().hasPrefix("HTTP/1.1 200"))
            }
        }
    }
}

/// Bodies that cannot be read, sent on a real socket: 400, never 500 (found by fuzzing, issue 9).
@Suite struct MalformedBodyTests {
    @Test func brokenChunksAreTheSendersMistake() async throws {
        try await TestDatabase.withStore { store in
            let app = try await buildApplication(
                settings: Settings(environment: .testing, port: 0), store: store, logger: TestDatabase.logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                for path in ["/api/v1/auth/login", "/api/v1/petitions", "/open311/v2/requests.json"] {
                    for chunk in ["zz", "ffffffffffffffffff"] {
                        let connection = try RawConnection(port: port)
                        connection.send(
                            "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                                + "Connection: close\r\n\r\n\(chunk)\r\n{}\r\n0\r\n\r\n")
                        let response = await connection.response()
                        #expect(!response.hasPrefix("HTTP/1.1 5"), "\(path) \(chunk): \(response.prefix(40))")
                    }
                }
            }
        }
    }
}

/// A blocking TCP socket to 127.0.0.1, just enough to misbehave as a client.
final class RawConnection: @unchecked Sendable {
    let fd: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }

    /// What the server sent within three seconds, read on a thread of its own: a blocking read
    /// on one of the few threads of Swift's concurrency pool can starve the server under test.
    func response() async -> String {
        await Self.offThePool { self.readResponse() }
    }

    /// True when the server has closed its side (read off the pool, as above).
    func isClosedByServer() async -> Bool {
        await Self.offThePool { self.readClosed() }
    }

    private static func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }

    private func readResponse() -> String {
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    /// A read returns end of file (or a reset) rather than blocking.
    private func readClosed() -> Bool {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(fd, &buffer, buffer.count)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }
}

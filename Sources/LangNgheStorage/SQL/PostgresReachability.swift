import Logging
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresLocation {
    /// How long start-up waits for the server before it gives up with the cause.
    static let startTimeout: Duration = .seconds(15)

    /// One connection made and closed, within `startTimeout`: the cause of a failure (refused,
    /// unknown host, wrong password, no such database) is the server's own words.
    func checkReachable(logger: Logger) async throws {
        let configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: requireTLS ? .require(try .init(configuration: .clientDefault)) : .disable)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                    try await connection.close()
                }
                group.addTask {
                    try await Task.sleep(for: Self.startTimeout)
                    throw DatabaseUnreachable(host: host, port: port, cause: "no answer within \(Self.startTimeout)")
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch let error as DatabaseUnreachable {
            throw error
        } catch let error as PSQLError {
            // The server's own message (wrong password, no such database), else the connection's.
            let cause = error.serverInfo?[.message] ?? error.underlying.map { String(describing: $0) } ?? String(describing: error.code)
            throw DatabaseUnreachable(host: host, port: port, cause: cause)
        } catch {
            throw DatabaseUnreachable(host: host, port: port, cause: "\(error)")
        }
    }
}

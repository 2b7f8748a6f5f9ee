import Synchronization

/// A fixed set of connections lent out one task at a time, first come first served: the
/// read-only SQLite connections, each holding one read transaction (one snapshot) while a
/// task's reads run on it.
final class ConnectionPool<Connection: Sendable>: Sendable {
    private struct State {
        var idle: [Connection]
        var waiters: [CheckedContinuation<Connection, Never>] = []
    }

    private let state: Mutex<State>

    init(_ connections: [Connection]) {
        precondition(!connections.isEmpty, "a pool needs a connection")
        state = Mutex(State(idle: connections))
    }

    func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection = await take()
        defer { give(connection) }
        return try await body(connection)
    }

    private func take() async -> Connection {
        await withCheckedContinuation { (continuation: CheckedContinuation<Connection, Never>) in
            let ready = state.withLock { state -> Connection? in
                if let connection = state.idle.popLast() { return connection }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func give(_ connection: Connection) {
        let waiter = state.withLock { state -> CheckedContinuation<Connection, Never>? in
            if state.waiters.isEmpty {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }
}

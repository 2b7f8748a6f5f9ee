import Synchronization

/// Public figures kept for a short while: every reader of the dashboard or the conduct page
/// for the same period gets the same numbers, so they are computed once per `lifetime` and
/// period, and requests arriving while they are computed wait for that one computation instead
/// of starting their own (eight parallel year-long statistics used to stall the server).
final class FiguresCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let expires: ContinuousClock.Instant
        let task: Task<Value, any Error>
    }

    private let entries = Mutex<[Key: Entry]>([:])
    let lifetime: Duration
    let capacity: Int

    /// A zero lifetime keeps nothing (tests that change figures and read them at once).
    init(lifetime: Duration, capacity: Int = 64) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func value(for key: Key, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        guard lifetime > .zero else { return try await compute() }
        let now = ContinuousClock.now
        let task = entries.withLock { entries in
            if let entry = entries[key], entry.expires > now { return entry.task }
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll() }
            }
            let task = Task { try await compute() }
            entries[key] = Entry(expires: now + lifetime, task: task)
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failure is not kept: the next request tries again.
            entries.withLock { entries in if entries[key]?.task == task { entries[key] = nil } }
            throw error
        }
    }
}

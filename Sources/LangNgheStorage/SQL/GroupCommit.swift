import Synchronization

/// Durable writes at the rate of many, not of the disk's fsyncs (issue 12 §1): writes that
/// arrive while a commit is on its way wait in a queue; the next batch runs them all in one
/// transaction, each in its own savepoint, and commits once. A write that throws is rolled back
/// to its savepoint and fails alone; none is answered before its batch is on disk.
///
/// There is no writer thread: the first caller to find no batch running starts a task that drains
/// the queue and ends when it is empty (its own task, so that no client going away cancels
/// another's write). A caller cancelled before its write commits has it rolled back, alone.
final class GroupCommit: Sendable {
    /// A batch takes at most this many writes, so one slow batch cannot hold hundreds of clients.
    static let maxBatch = 256

    /// One write waiting for its batch: its body, and its answer once the batch is committed.
    final class Job: Sendable {
        let body: @Sendable (any SQLConnection) async throws -> any Sendable
        private let outcome = Mutex<Outcome>(.waiting(nil))

        /// Its one caller waits for it; the batch may resolve it before or after that.
        private enum Outcome {
            case waiting(CheckedContinuation<any Sendable, any Error>?)
            case done(Result<any Sendable, any Error>)
        }

        /// Whether its caller went away, and the task running its body once its turn came.
        private let run = Mutex<(cancelled: Bool, task: Task<any Sendable, any Error>?)>((false, nil))

        /// Where its body runs (the batch's executor, for a batch's writes stay off the shared pool).
        private let executor: (any TaskExecutor)?

        init(_ body: @escaping @Sendable (any SQLConnection) async throws -> any Sendable, executor: (any TaskExecutor)?) {
            self.body = body
            self.executor = executor
        }

        /// Runs the body in a task of its own, so that its caller's cancellation reaches it (and
        /// only it): a cancelled write is rolled back to its savepoint, the batch goes on.
        func perform(on connection: any SQLConnection) async throws -> any Sendable {
            let task = Task(executorPreference: executor) { [body] in try await body(connection) }
            let cancelled = run.withLock { run in
                run.task = task
                return run.cancelled
            }
            if cancelled { task.cancel() }
            return try await task.value
        }

        func cancel() {
            run.withLock { run in
                run.cancelled = true
                return run.task
            }?.cancel()
        }

        func resolve(_ result: Result<any Sendable, any Error>) {
            let waiting = outcome.withLock { outcome -> CheckedContinuation<any Sendable, any Error>? in
                guard case .waiting(let continuation) = outcome else { return nil }
                outcome = .done(result)
                return continuation
            }
            waiting?.resume(with: result)
        }

        func value() async throws -> any Sendable {
            try await withCheckedThrowingContinuation { continuation in
                let done = outcome.withLock { outcome -> Result<any Sendable, any Error>? in
                    switch outcome {
                    case .done(let result): return result
                    case .waiting:
                        outcome = .waiting(continuation)
                        return nil
                    }
                }
                if let done { continuation.resume(with: done) }
            }
        }
    }

    private struct State {
        var queue: [Job] = []
        var running = false
    }

    private let state = Mutex(State())
    /// Runs one batch: begins, runs each job in a savepoint, commits, then answers each job.
    private let runBatch: @Sendable ([Job]) async -> Void
    /// Batches run and the writes they held, for tests and benchmarks.
    let counts = Mutex<(batches: Int, writes: Int)>((0, 0))

    /// Where batches run; nil: the shared pool.
    private let executor: (any TaskExecutor)?

    init(executor: (any TaskExecutor)? = nil, runBatch: @escaping @Sendable ([Job]) async -> Void) {
        self.executor = executor
        self.runBatch = runBatch
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let job = Job({ try await body($0) }, executor: executor)
        let leads = state.withLock { state -> Bool in
            state.queue.append(job)
            if state.running { return false }
            state.running = true
            return true
        }
        // The batch runs in a task of its own and is not waited for here: under steady load the
        // queue may never empty, and the caller that started the drain must not answer late
        // for others' writes. It waits for its own, like everyone.
        if leads { Task(executorPreference: executor) { await self.drain() } }
        let result = try await withTaskCancellationHandler {
            try await job.value()
        } onCancel: {
            job.cancel()
        }
        guard let value = result as? T else { throw StoreError.unreadable("group commit: result of another type") }
        return value
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Job] in
                let taken = Array(state.queue.prefix(Self.maxBatch))
                state.queue.removeFirst(taken.count)
                if taken.isEmpty { state.running = false }
                return taken
            }
            if batch.isEmpty { return }
            // Counted before its writes are answered, so that a caller who got its answer sees
            // its batch counted.
            counts.withLock { $0 = ($0.batches + 1, $0.writes + batch.count) }
            await runBatch(batch)
        }
    }
}

import Dispatch

/// Where SQLite's writes run: a serial queue of their own, not the threads that serve requests.
///
/// A batch's statements run synchronously, and its `COMMIT` blocks in fsync for milliseconds.
/// On the shared pool (one thread a core, two here) that held half the server still, and each
/// step of the batch (a write's task starting, the batch resuming after it) waited in the pool's
/// queue behind dozens of requests: at 64 connections the threads were half idle and batches
/// held 3.6 submissions. Here a blocked commit blocks only the writer, and the writer's steps
/// wait for nobody but each other. The queue is Dispatch's overcommitting kind, which gives it
/// a thread even while every other one is busy.
final class WriterExecutor: TaskExecutor {
    private let queue: DispatchQueue
    private static let mark = DispatchSpecificKey<Bool>()

    init() {
        queue = DispatchQueue(label: "langnghe.sqlite.writer")
        queue.setSpecific(key: Self.mark, value: true)
    }

    /// Whether the caller runs on a writer's queue (tests check that writes do, reads don't).
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: mark) ?? false }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

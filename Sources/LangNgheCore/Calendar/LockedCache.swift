import Foundation

/// A dictionary of computed values that many tasks may fill and read at once.
///
/// The calendar's values (a year's months, a year's days off) are pure functions of their
/// key, so a race only means computing one twice; the lock just keeps the dictionary whole.
final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked: `values` is only touched while holding `lock`.
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    init() {}

    /// The value for `key`, computed with `make` (outside the lock) the first time.
    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let cached = values[key]
        lock.unlock()
        if let cached { return cached }
        let value = make()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}

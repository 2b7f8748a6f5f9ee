import Foundation

/// The few true side effects, behind values that tests replace: the clock and the random
/// access keys.
public struct AppEnvironment: Sendable {
    public var now: @Sendable () -> Date
    public var makeAccessKey: @Sendable () -> String

    public init(now: @escaping @Sendable () -> Date = { Date() }, makeAccessKey: @escaping @Sendable () -> String = AccessKey.generate) {
        self.now = now
        self.makeAccessKey = makeAccessKey
    }

    public static let live = AppEnvironment()
}

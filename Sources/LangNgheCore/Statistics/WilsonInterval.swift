import Foundation

/// The Wilson score interval of a proportion: where the true rate of k successes in n trials
/// lies, at 95 % confidence by default.
///
/// Unlike the textbook interval p ± z·√(p(1−p)/n), it stays within [0, 1] and does not shrink
/// to nothing at 0 of n or n of n, so an agency with 3 of 3 on time does not outrank one with
/// 190 of 200. Formula (E. B. Wilson, "Probable inference, the law of succession, and
/// statistical inference", JASA 22 (1927) 209–212), with p = k/n:
///
///     (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
///
/// computed here as (2k + z² ± z·√(z² + 4k(n−k)/n)) / (2(n + z²)), the same with n multiplied through.
public struct WilsonInterval: Sendable, Hashable {
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.96

    public let successes: Int
    public let trials: Int
    public let lower: Double
    public let upper: Double

    /// The interval for `successes` of `trials`; with no trials it is [0, 1]: nothing is known.
    public init(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        precondition(trials >= 0 && (0...trials).contains(successes), "successes must be within 0…trials")
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            lower = 0
            upper = 1
            return
        }
        let k = Double(successes)
        let n = Double(trials)
        let centre = 2 * k + z * z
        let spread = z * (z * z + 4 * k * (n - k) / n).squareRoot()
        let scale = 2 * (n + z * z)
        // Rounding can leave 0 of n a hair below zero, and n of n a hair above one.
        lower = max(0, (centre - spread) / scale)
        upper = min(1, (centre + spread) / scale)
    }

    /// The observed proportion k/n; nil with no trials.
    public var estimate: Double? {
        trials > 0 ? Double(successes) / Double(trials) : nil
    }
}

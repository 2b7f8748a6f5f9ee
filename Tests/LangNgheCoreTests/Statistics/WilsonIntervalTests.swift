import LangNgheCore
import Testing

/// Expected values from the Wilson score interval with z = 1.96 (E. B. Wilson, JASA 22 (1927)
/// 209–212), worked out in the form (2k + z² ∓ z·√(z² + 4k(n−k)/n)) / (2(n + z²)), z² = 3.8416.
@Suite("Statistics: the Wilson score interval")
struct WilsonIntervalTests {
    @Test(
        arguments: [
            // 0 of 10: (0 + 3.8416 ∓ 1.96·1.96) / 27.6832 → 0 and 3.8416 / 13.8416.
            (0, 10, 0.0, 0.277540),
            // 5 of 10: (13.8416 ∓ 1.96·√13.8416 = 7.292043) / 27.6832.
            (5, 10, 0.236590, 0.763410),
            // 95 of 100: (193.8416 ∓ 1.96·√22.8416 = 9.367406) / 207.6832.
            (95, 100, 0.888248, 0.978457),
            // 10 of 10, the mirror of 0 of 10: (20 + 3.8416 − 3.8416) / 27.6832.
            (10, 10, 0.722460, 1.0),
        ])
    func knownValues(successes: Int, trials: Int, lower: Double, upper: Double) {
        let interval = WilsonInterval(successes: successes, trials: trials)
        #expect(abs(interval.lower - lower) < 1e-6)
        #expect(abs(interval.upper - upper) < 1e-6)
        #expect(interval.estimate == Double(successes) / Double(trials))
    }

    @Test func withNoTrialsNothingIsKnown() {
        let interval = WilsonInterval(successes: 0, trials: 0)
        #expect(interval.lower == 0 && interval.upper == 1 && interval.estimate == nil)
    }

    @Test func moreCasesNarrowTheIntervalAroundTheSameRate() {
        let few = WilsonInterval(successes: 3, trials: 3)
        let many = WilsonInterval(successes: 190, trials: 200)
        #expect(many.lower > few.lower)
        #expect(many.upper - many.lower < few.upper - few.lower)
    }
}

import Testing

@testable import LangNgheCore

/// The worked examples of Meeus, *Astronomical Algorithms*, 2nd ed.
@Suite("Astronomy")
struct AstronomyTests {
    @Test func newMoonOfExample49a() {
        // New moon of 1977 February: k = −283, JDE 2443192.65118 (18 Feb, 3h37m TD).
        #expect(abs(Astronomy.newMoon(-283) - 2_443_192.65118) < 0.00001)
    }

    @Test func sunLongitudeOfExample25a() {
        // 1992 October 13.0 TD: apparent longitude 199.90895° (low-accuracy method).
        #expect(abs(Astronomy.sunLongitude(2_448_908.5) - 199.90895) < 0.0001)
    }

    @Test func deltaTIsAboutAMinuteIn2000() {
        #expect(abs(Astronomy.deltaT(2_451_545.0) * 86_400 - 63.86) < 0.01)
    }
}

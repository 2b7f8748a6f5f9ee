import Foundation

/// The two astronomical events the lunisolar calendar is built from — new moons and the Sun's
/// longitude — after Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998), chapters 25 and 49.
///
/// Times are Julian Days. Meeus's formulas run on Terrestrial Time ("JDE"); calendars run on
/// civil time, so `deltaT` converts between them.
enum Astronomy {
    /// Mean length of the synodic month in days (Meeus 49.1).
    static let synodicMonth = 29.530588861

    /// JDE of true new moon number `k`; k = 0 is the new moon of 2000-01-06 (Meeus ch. 49).
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85  // Julian centuries since J2000.0
        let t2 = t * t
        let t3 = t2 * t
        let t4 = t3 * t
        // The mean new moon advances uniformly, with a tiny secular drift (Meeus 49.1).
        let mean =
            2_451_550.09766 + synodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4
        // The true new moon differs from the mean by up to ~14 hours, mostly because the Moon's
        // and the Earth's orbits are ellipses; the arguments below locate both on their orbits.
        let arguments = Arguments(
            e: 1 - 0.002516 * t - 0.0000074 * t2,  // Earth's orbital eccentricity, relative to J2000
            sunAnomaly: 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3,
            moonAnomaly: 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4,
            moonLatitude: 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4,
            moonNode: 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3)
        let periodic = newMoonTerms.reduce(0) { $0 + $1.value(arguments) }
        // The planets perturb the Moon by a few minutes more (Meeus table 49, "additional corrections").
        let planetary = planetaryTerms.reduce(0) { sum, term in
            let angle = term.phase + term.rate * k + (term.isFirst ? -0.009173 * t2 : 0)
            return sum + term.amplitude * sin(radians(angle))
        }
        return mean + periodic + planetary
    }

    /// The Sun's apparent geocentric longitude in degrees, 0 ..< 360, at JDE `jde` (Meeus ch. 25).
    ///
    /// The low-accuracy method (about 0.01°, a quarter of an hour in time) is enough: a solar
    /// term only matters through the civil day it falls on at the start of a month. In
    /// 1900–2199 two come closer to such a midnight: the September equinox of 2033 (ten
    /// minutes; Meeus ch. 27 agrees on the side) and that of 1938 (about a minute, which leaves
    /// 1938's leap month, 7 or 8, to a finer ephemeris).
    static func sunLongitude(_ jde: Double) -> Double {
        let t = (jde - 2_451_545.0) / 36_525
        let meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t
        let anomaly = radians(357.52911 + 35_999.05029 * t - 0.0001537 * t * t)
        // Equation of the centre: the Earth moves faster near perihelion.
        let centre =
            (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly)
            + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly)
        // Apparent position: aberration (−0.00569°) and nutation (the Ω term).
        let node = radians(125.04 - 1934.136 * t)
        let apparent = meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
        return normalized(apparent)
    }

    /// ΔT = TT − UT, in days, at Julian Day `jd`.
    ///
    /// The Earth's rotation is irregular, so ΔT is measured for the past and extrapolated for
    /// the future. These are the polynomial fits of Espenak & Meeus (NASA, "Polynomial
    /// expressions for Delta T", 2006); beyond 2150 only the long-term parabola remains, and
    /// a new moon within a few minutes of midnight then falls on an uncertain day (Tết 2175
    /// hangs on one 24 seconds before midnight; the published tables agree with this fit).
    static func deltaT(_ jd: Double) -> Double {
        let y = 2000 + (jd - 2_451_545.0) / 365.25
        let seconds: Double
        switch y {
        case ..<1920:
            let t = y - 1900
            seconds = -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t
        case ..<1941:
            let t = y - 1920
            seconds = 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t
        case ..<1961:
            let t = y - 1950
            seconds = 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547
        case ..<1986:
            let t = y - 1975
            seconds = 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718
        case ..<2005:
            let t = y - 2000
            seconds =
                63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
                + 0.00002373599 * t * t * t * t * t
        case ..<2050:
            let t = y - 2000
            seconds = 62.92 + 0.32217 * t + 0.005589 * t * t
        case ..<2150:
            let u = (y - 1820) / 100
            seconds = -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            seconds = -20 + 32 * u * u
        }
        return seconds / 86_400
    }

    static func radians(_ degrees: Double) -> Double {
        degrees.truncatingRemainder(dividingBy: 360) * .pi / 180
    }

    static func normalized(_ degrees: Double) -> Double {
        let r = degrees.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }
}

extension Astronomy {
    /// The fundamental arguments of a lunation, in degrees (Meeus 49.4–49.7).
    struct Arguments {
        let e: Double, sunAnomaly: Double, moonAnomaly: Double, moonLatitude: Double, moonNode: Double
    }

    /// One periodic term of Meeus table 49.A (new moon column):
    /// amplitude · Eᵖ · sin(a·M + b·M′ + c·F + d·Ω).
    struct Term {
        let amplitude: Double, ePower: Double, m: Double, mPrime: Double, f: Double, node: Double

        init(_ amplitude: Double, e: Double = 0, m: Double = 0, mPrime: Double = 0, f: Double = 0, node: Double = 0) {
            (self.amplitude, ePower, self.m, self.mPrime, self.f, self.node) = (amplitude, e, m, mPrime, f, node)
        }

        func value(_ a: Arguments) -> Double {
            let angle = m * a.sunAnomaly + mPrime * a.moonAnomaly + f * a.moonLatitude + node * a.moonNode
            return amplitude * pow(a.e, ePower) * sin(radians(angle))
        }
    }

    static let newMoonTerms: [Term] = [
        Term(-0.40720, mPrime: 1), Term(0.17241, e: 1, m: 1), Term(0.01608, mPrime: 2),
        Term(0.01039, f: 2), Term(0.00739, e: 1, m: -1, mPrime: 1), Term(-0.00514, e: 1, m: 1, mPrime: 1),
        Term(0.00208, e: 2, m: 2), Term(-0.00111, mPrime: 1, f: -2), Term(-0.00057, mPrime: 1, f: 2),
        Term(0.00056, e: 1, m: 1, mPrime: 2), Term(-0.00042, mPrime: 3), Term(0.00042, e: 1, m: 1, f: 2),
        Term(0.00038, e: 1, m: 1, f: -2), Term(-0.00024, e: 1, m: -1, mPrime: 2), Term(-0.00017, node: 1),
        Term(-0.00007, m: 2, mPrime: 1), Term(0.00004, mPrime: 2, f: -2), Term(0.00004, m: 3),
        Term(0.00003, m: 1, mPrime: 1, f: -2), Term(0.00003, mPrime: 2, f: 2),
        Term(-0.00003, m: 1, mPrime: 1, f: 2), Term(0.00003, m: -1, mPrime: 1, f: 2),
        Term(-0.00002, m: -1, mPrime: 1, f: -2), Term(-0.00002, m: 1, mPrime: 3), Term(0.00002, mPrime: 4),
    ]

    /// The planetary arguments A1…A14 of Meeus ch. 49: phase + rate·k degrees, and amplitude in days.
    static let planetaryTerms: [(phase: Double, rate: Double, amplitude: Double, isFirst: Bool)] = [
        (299.77, 0.107408, 0.000325, true), (251.88, 0.016321, 0.000165, false),
        (251.83, 26.651886, 0.000164, false), (349.42, 36.412478, 0.000126, false),
        (84.66, 18.206239, 0.000110, false), (141.74, 53.303771, 0.000062, false),
        (207.14, 2.453732, 0.000060, false), (154.84, 7.306860, 0.000056, false),
        (34.52, 27.261239, 0.000047, false), (207.19, 0.121824, 0.000042, false),
        (291.34, 1.844379, 0.000040, false), (161.72, 24.198154, 0.000037, false),
        (239.56, 25.513099, 0.000035, false), (331.55, 3.592518, 0.000023, false),
    ]
}

import Foundation
import LangNgheCore
import Testing

@Suite("Timestamps: random instants 1900–2199")
struct TimestampPropertyTests {
    /// 2,000 instants between 1900-01-01 and 2199-12-31, the same every run.
    static let samples: [Int64] = {
        var generator = TimestampTestGenerator(seed: 0x5041_4B4E_2026)
        return (0..<2_000).map { _ in Int64.random(in: -2_208_988_800_000..<7_258_118_400_000, using: &generator) }
    }()

    @Test func formatsLikeFoundationsGregorianCalendar() {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        for millis in Self.samples {
            // setup: Foundation's answer, from the whole second (exact in a Double)
            let second = millis - millis.timestampTestModulo(1000)
            let parts = utc.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: timestampTestDate(second))
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!,
                parts.hour!, parts.minute!, parts.second!, Int(millis.timestampTestModulo(1000)))

            // MUT
            let text = Timestamp.string(timestampTestMidMillisecond(millis))

            // validate
            #expect(text == expected, "\(millis) ms")
        }
    }

    @Test func dateToTextToDate() {
        for millis in Self.samples {
            // MUT
            let text = Timestamp.string(timestampTestMidMillisecond(millis))
            let parsed = Timestamp.date(text)

            // validate: fixed width, and the same millisecond
            #expect(text.utf8.count == 24, "\(text)")
            #expect(parsed.map(timestampTestMillis) == millis, "\(text)")
        }
    }

    @Test func textToDateToText() {
        let texts = Self.samples.map { Timestamp.string(timestampTestMidMillisecond($0)) }
        // See TimestampTests.wholeMillisecond: a parsed instant sits on a whole millisecond, which
        // Timestamp.string may print one millisecond early.
        let changed = texts.filter { Timestamp.date($0).map(Timestamp.string) != $0 }
        #expect(changed.count == 0, "of \(texts.count), e.g. \(changed.prefix(3))")
    }

    @Test func textOrderIsTimeOrder() {
        // setup
        let byTime = Self.samples.sorted()

        // MUT
        let texts = byTime.map { Timestamp.string(timestampTestMidMillisecond($0)) }

        // validate: sorting the texts changes nothing, and distinct instants give distinct texts
        #expect(texts == texts.sorted())
        #expect(Set(texts).count == Set(byTime).count)
    }
}

/// An instant from whole milliseconds since 1970.
func timestampTestDate(_ millis: Int64) -> Date {
    Date(timeIntervalSince1970: Double(millis) / 1000)
}

/// Half a millisecond after `millis`: safely inside that millisecond whatever the Double rounding.
func timestampTestMidMillisecond(_ millis: Int64) -> Date {
    Date(timeIntervalSince1970: (Double(millis) + 0.5) / 1000)
}

/// The nearest whole millisecond since 1970 (rounded, so that Double noise does not matter here).
func timestampTestMillis(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

extension Int64 {
    func timestampTestModulo(_ n: Int64) -> Int64 { ((self % n) + n) % n }
}

/// SplitMix64: a small seeded generator, so that the random instants are the same every run.
private struct TimestampTestGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

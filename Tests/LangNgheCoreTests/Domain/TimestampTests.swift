import Foundation
import LangNgheCore
import Testing

@Suite("Timestamps: fixed-width UTC with milliseconds")
struct TimestampTests {
    @Test(
        arguments: [
            (0, "1970-01-01T00:00:00.000Z"),
            (1, "1970-01-01T00:00:00.001Z"),
            (1_795_918_329_123, "2026-11-29T02:12:09.123Z"),
            (951_825_600_000, "2000-02-29T12:00:00.000Z"),  // leap day
            (4_107_542_400_000, "2100-03-01T00:00:00.000Z"),  // 2100 is not a leap year
            (7_258_118_399_999, "2199-12-31T23:59:59.999Z"),
        ] as [(Int64, String)])
    func formatting(millis: Int64, expected: String) {
        #expect(Timestamp.string(timestampTestDate(millis)) == expected)
    }

    @Test(
        "Dates before 1970",
        arguments: [
            (-1000, "1969-12-31T23:59:59.000Z"),
            (-14_182_940_000, "1969-07-20T20:17:40.000Z"),
            (-2_203_891_200_000, "1900-03-01T00:00:00.000Z"),  // 1900 is not a leap year
            (-2_208_988_800_000, "1900-01-01T00:00:00.000Z"),
        ] as [(Int64, String)])
    func beforeTheEpoch(millis: Int64, expected: String) {
        #expect(Timestamp.string(timestampTestDate(millis)) == expected)
        #expect(Timestamp.date(expected).map(timestampTestMillis) == millis)
    }

    @Test func fractionsOfAMillisecondAreCutNotRounded() {
        #expect(Timestamp.string(Date(timeIntervalSince1970: 0.0009)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.string(Date(timeIntervalSince1970: -0.0001)) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp.string(Date(timeIntervalSince1970: -0.0005)) == "1969-12-31T23:59:59.999Z")
    }

    @Test(
        "An instant on a whole millisecond keeps that millisecond",
        arguments: [
            (-1, "1969-12-31T23:59:59.999Z"),
            (-209_200_201_788, "1963-05-16T16:49:58.212Z"),
            (76_621_530_239, "1972-06-05T19:45:30.239Z"),
            (2_154_066_850_430, "2038-04-05T07:54:10.430Z"),
        ] as [(Int64, String)])
    func wholeMillisecond(millis: Int64, expected: String) {
        // Timestamp.string floors `timeIntervalSince1970 * 1000` (Timestamp.swift, line 7). A Date
        // keeps its time since 2001 as a Double, so an instant on a whole millisecond can come
        // back a hair below it and is printed one millisecond early; parsing then printing the
        // same text changes it.
        #expect(Timestamp.string(timestampTestDate(millis)) == expected)
        #expect(Timestamp.date(expected).map(Timestamp.string) == expected)
    }

    @Test func parsesItsOwnFormatAndTheFormWithoutMilliseconds() {
        #expect(Timestamp.date("2026-11-29T02:12:09.123Z").map(timestampTestMillis) == 1_795_918_329_123)
        #expect(Timestamp.date("2026-11-29T02:12:09Z").map(timestampTestMillis) == 1_795_918_329_000)
        #expect(Timestamp.date("2026-11-29T02:12:09Z") == Timestamp.date("2026-11-29T02:12:09.000Z"))
    }

    @Test(
        "Garbage is refused",
        arguments: [
            "",
            "garbage",
            "Z",
            "2026-11-29",
            "2026-11-29T02:12:09",  // no zone
            "2026-11-29T02:12:09+07:00",  // an offset, not UTC
            "2026-11-29 02:12:09Z",
            "2026/11/29T02:12:09Z",
            "2026-11-29t02:12:09z",
            "26-11-29T02:12:09Z",
            "2026-1a-29T02:12:09Z",
            "2026-11-29T02:12:09.12Z",
            "2026-11-29T02:12:09.1234Z",
            "2026-11-29T02:12:09,123Z",
            "2026-11-29T02:12:09.12aZ",
            "2026-11-29T02:12:09.123Zjunk",
            "2026-11-29T02:12:09.123ZZ",
            "２０２６-11-29T02:12:09Z",
            " 2026-11-29T02:12:09Z",
        ])
    func garbage(_ text: String) {
        #expect(Timestamp.date(text) == nil)
    }

    @Test(
        "Out-of-range fields are refused, not rolled over",
        arguments: [
            "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-00T00:00:00Z",
            "2026-11-29T24:00:00Z",
            "2026-11-29T23:60:00Z",
            "2026-11-29T23:59:61Z",
        ])
    func outOfRangeFields(_ text: String) {
        // Timestamp.date checks that each field is digits but not its range (Timestamp.swift,
        // lines 30-40), so "2026-13-01" silently becomes 2027-01-01.
        #expect(Timestamp.date(text) == nil)
    }
}

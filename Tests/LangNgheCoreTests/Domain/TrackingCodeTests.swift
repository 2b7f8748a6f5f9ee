import LangNgheCore
import Testing

@Suite("Tracking code PAKN-YYYY-NNNNNN")
struct TrackingCodeTests {
    @Test(
        "Numbers are padded to six digits, never cut",
        arguments: [
            (2026, 1, "PAKN-2026-000001"),
            (2026, 123, "PAKN-2026-000123"),
            (2025, 999_999, "PAKN-2025-999999"),
            (2026, 1_234_567, "PAKN-2026-1234567"),
        ])
    func formatting(year: Int, number: Int, expected: String) {
        #expect(TrackingCode(year: year, number: number).description == expected)
        #expect("\(TrackingCode(year: year, number: number))" == expected)
    }

    @Test(
        "A code typed by a person: case and surrounding spaces do not matter",
        arguments: [
            "PAKN-2026-000123",
            "pakn-2026-000123",
            "Pakn-2026-000123",
            "  PAKN-2026-000123  ",
            "\tpakn-2026-000123 ",
        ])
    func parsing(_ text: String) {
        #expect(TrackingCode(text) == TrackingCode(year: 2026, number: 123))
    }

    @Test func parsesNumbersLongerThanSixDigits() {
        #expect(TrackingCode("PAKN-2026-1234567") == TrackingCode(year: 2026, number: 1_234_567))
    }

    @Test(
        "Refused: wrong prefix, year or number",
        arguments: [
            "",
            "   ",
            "PAKN",
            "PAKM-2026-000123",  // wrong prefix
            "XPAKN-2026-000123",
            "2026-000123",
            "PAKN 2026 000123",
            "PAKN-26-000123",  // year not four digits
            "PAKN-20260-000123",
            "PAKN-20a6-000123",
            "PAKN-２０２６-000123",  // fullwidth year
            "PAKN-2026-00012a",  // non-digits
            "PAKN-2026-000 123",
            "PAKN-2026-00123",  // fewer than six digits
            "PAKN-2026-000000",  // number 0
            "PAKN-2026-０００１２３",  // fullwidth digits
            "PAKN-2026-٠٠٠١٢٣",  // Arabic-Indic digits
            "PAKN-2026-000123-1",
        ])
    func refused(_ text: String) {
        #expect(TrackingCode(text) == nil)
    }

    @Test(
        "A sign is not a digit",
        arguments: ["PAKN-2026-+00123", "PAKN-+202-000123"])
    func signsAreRefused(_ text: String) {
        // `Int("+00123")` accepts a leading sign, and only the length and ASCII-ness are checked
        // before it (TrackingCode.swift, lines 16-17).
        #expect(TrackingCode(text) == nil)
    }

    @Test(arguments: [(2026, 1), (2026, 123), (1999, 999_999), (2100, 1_000_000), (2026, 42_424_242)])
    func roundTrip(year: Int, number: Int) {
        // setup
        let code = TrackingCode(year: year, number: number)

        // MUT
        let parsed = TrackingCode(code.description)

        // validate
        #expect(parsed == code)
        #expect(parsed?.description == code.description)
    }

    @Test func orderIsYearThenNumber() {
        // setup: shuffled, and 1000000 sorts before 999999 as text but not as a code
        let expected = [
            TrackingCode(year: 2025, number: 999_999),
            TrackingCode(year: 2026, number: 1),
            TrackingCode(year: 2026, number: 2),
            TrackingCode(year: 2026, number: 10),
            TrackingCode(year: 2026, number: 999_999),
            TrackingCode(year: 2026, number: 1_000_000),
            TrackingCode(year: 2027, number: 1),
        ]
        let shuffled = [expected[4], expected[6], expected[1], expected[5], expected[0], expected[3], expected[2]]

        // MUT
        let sorted = shuffled.sorted()

        // validate
        #expect(sorted == expected)
        #expect(TrackingCode(year: 2026, number: 5) < TrackingCode(year: 2026, number: 6))
        #expect(!(TrackingCode(year: 2026, number: 5) < TrackingCode(year: 2026, number: 5)))
        #expect(TrackingCode(year: 2025, number: 900) < TrackingCode(year: 2026, number: 1))
    }
}

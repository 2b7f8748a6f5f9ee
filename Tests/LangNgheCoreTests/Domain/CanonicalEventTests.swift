import Foundation
import Testing

@testable import LangNgheCore

/// The canonical bytes of events (docs/events.md): the tamper-evident log hashes exactly these,
/// so they are pinned byte for byte.
@Suite struct CanonicalEventTests {
    static let at = Timestamp.date("2026-03-12T03:00:00.000Z")!

    @Test func anAssignmentHasTheseExactBytes() throws {
        let event = PetitionEvent(
            sequence: 2, at: Self.at, actor: .staff(42), agencyCode: "VPCP",
            body: Assigned(leadAgency: "BTC", coordinatingAgencies: ["BYT", "BXD"], note: "Chuyển Bộ Tài chính"))
        let expected =
            #"{"actor":{"id":42,"kind":"staff"},"agency":"VPCP","at":"2026-03-12T03:00:00.000Z","data":{"coordinatingAgencies":["BYT","BXD"],"leadAgency":"BTC","note":"Chuyển Bộ Tài chính"},"public":true,"sequence":2,"type":"assigned"}"#
        #expect(String(decoding: try event.canonicalBytes(), as: UTF8.self) == expected)
    }

    @Test func optionalFieldsAreLeftOutAndTheSubmitterHasNoID() throws {
        let event = PetitionEvent(sequence: 7, at: Self.at, actor: .submitter, agencyCode: nil, body: Rated(satisfaction: 4))
        #expect(
            try event.canonicalDocument().text
                == #"{"actor":{"kind":"submitter"},"agency":null,"at":"2026-03-12T03:00:00.000Z","data":{"comment":"","satisfaction":4},"public":true,"sequence":7,"type":"rated"}"#
        )
        let decided = PetitionEvent(
            sequence: 9, at: Self.at, actor: .system, agencyCode: "VPCP", body: Decided(decision: "Kết thúc", outcome: .close))
        #expect(try decided.canonicalData().text == #"{"decision":"Kết thúc","outcome":"close"}"#)
    }

    @Test func textIsNFCAndOnlyQuotesBackslashesAndControlsAreEscaped() {
        // "ễ" written decomposed (e + circumflex + tilde) becomes the one composed character.
        let decomposed = "Nguye\u{0302}\u{0303}n"
        let value = CanonicalJSON.object([
            "b": .string("\"/\\\n\t\u{01}</script> \(decomposed) 🇻🇳"), "a": .int(-3), "c": .bool(false), "d": .null,
        ])
        #expect(value.text == "{\"a\":-3,\"b\":\"\\\"/\\\\\\n\\t\\u0001</script> Nguyễn 🇻🇳\",\"c\":false,\"d\":null}")
    }

    @Test func keysAreSortedByTheirBytes() {
        let value = CanonicalJSON.object(["é": .int(1), "z": .int(2), "A": .int(3), "a": .int(4)])
        #expect(value.text == #"{"A":3,"a":4,"z":2,"é":1}"#)
    }

    @Test func numbersWithFractionsAreNotCanonical() {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(CanonicalJSON.self, from: Data("1.5".utf8)) }
        #expect(
            try! JSONDecoder().decode(CanonicalJSON.self, from: Data("[true, 1, \"1\"]".utf8))
                == .array([.bool(true), .int(1), .string("1")]))
    }

    @Test(arguments: EventType.allCases)
    func everyTypeRoundTripsThroughItsStoredData(_ type: EventType) throws {
        let event = PetitionEvent(sequence: 1, type: type, at: Self.at, actor: .staff(3), agencyCode: "BTC", text: "Nội dung", data: [:])
        let stored = try event.canonicalData().text
        let read = try PetitionEvent.stored(
            sequence: 1, type: type.rawValue, at: Timestamp.string(Self.at), actorKind: "staff", actorID: 3, agencyCode: "BTC",
            isPublic: event.isPublic, data: stored)
        #expect(read == event)
        #expect(try read.canonicalBytes() == event.canonicalBytes())
    }

    /// The direct encoder gives what JSONEncoder's text, read back, gives: for every event type
    /// and for shapes no event has yet (nested values, lists, absent and explicit nulls,
    /// dictionaries with number keys).
    @Test(arguments: EventType.allCases)
    func theDirectEncoderAgreesWithJSONEncoder(_ type: EventType) throws {
        let event = PetitionEvent(
            sequence: 1, type: type, at: Self.at, actor: .staff(3), agencyCode: "BTC", text: "Nội dung \"trích\"", data: [:])
        func viaText<Body: EventBody>(_ body: Body) throws -> CanonicalJSON { try Self.viaJSONText(body) }
        let body = event.body
        let expected = try viaText(body)
        #expect(try event.canonicalData() == expected)
    }

    struct Shapes: Codable {
        struct Inner: Codable {
            var a: Int?
            var b: [String]
        }
        var inner: Inner
        var list: [Inner]
        var absent: String?
        var numbers: [Int: String]
        var flags: [String: Bool]
        var big: UInt8
        var nested: [[Int]]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(inner, forKey: .inner)
            try container.encode(list, forKey: .list)
            try container.encodeNil(forKey: .absent)
            try container.encode(numbers, forKey: .numbers)
            try container.encode(flags, forKey: .flags)
            try container.encode(big, forKey: .big)
            try container.encode(nested, forKey: .nested)
        }
    }

    @Test func theDirectEncoderAgreesOnOtherShapes() throws {
        let value = Shapes(
            inner: .init(a: nil, b: ["x", "ý"]), list: [.init(a: 1, b: []), .init(a: -2, b: ["\n"])], absent: nil,
            numbers: [3: "ba", 1: "một"],
            flags: ["z": true, "a": false], big: 255, nested: [[1, 2], []])
        #expect(try CanonicalJSON(encoding: value) == Self.viaJSONText(value))
        #expect(throws: (any Error).self) { try CanonicalJSON(encoding: ["x": 1.5]) }
        // Foundation values JSONEncoder spells its own way are refused, not signed another way.
        #expect(throws: (any Error).self) { try CanonicalJSON(encoding: ["at": Date(timeIntervalSince1970: 0)]) }
        #expect(throws: (any Error).self) { try CanonicalJSON(encoding: ["file": Data([1, 2])]) }
        #expect(throws: (any Error).self) { try CanonicalJSON(encoding: ["link": URL(string: "https://example.vn")!]) }
    }

    static func viaJSONText(_ value: some Encodable) throws -> CanonicalJSON {
        try JSONDecoder().decode(CanonicalJSON.self, from: JSONEncoder().encode(value))
    }

    @Test func anUnreadableEventIsAnErrorNotSkipped() {
        #expect(throws: UnreadableEvent.self) {
            try PetitionEvent.stored(
                sequence: 4, type: "assigned", at: "2026-03-12T03:00:00.000Z", actorKind: "system", actorID: nil, agencyCode: nil,
                isPublic: true, data: #"{"note":"x"}"#)
        }
        #expect(throws: UnreadableEvent.self) {
            try PetitionEvent.stored(
                sequence: 4, type: "teleported", at: "2026-03-12T03:00:00.000Z", actorKind: "system", actorID: nil, agencyCode: nil,
                isPublic: true, data: "{}")
        }
    }

    @Test func legacyRowsConvert() throws {
        let body = try LegacyEventFormat.body(
            type: .assigned, text: "Chuyển", data: ["leadAgency": "BTC", "coordinatingAgencies": "BYT, BXD"])
        #expect(body as? Assigned == Assigned(leadAgency: "BTC", coordinatingAgencies: ["BYT", "BXD"], note: "Chuyển"))
        #expect(throws: LegacyEventFormat.Unreadable.self) {
            try LegacyEventFormat.body(type: .rated, text: "", data: ["satisfaction": "9"])
        }
    }
}

/// docs/events.md describes every event type and shows the example's bytes as they are.
@Suite struct EventDocumentationTests {
    static func document(filePath: String = #filePath) throws -> String {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/events.md"), encoding: .utf8)
    }

    @Test func everyTypeHasItsSection() throws {
        let document = try Self.document()
        for type in EventType.allCases {
            #expect(document.contains("\n### \(type.rawValue)\n"), "docs/events.md has no section for \(type.rawValue)")
        }
    }

    @Test func theExampleShowsTheRealBytes() throws {
        let event = PetitionEvent(
            sequence: 2, at: CanonicalEventTests.at, actor: .staff(42), agencyCode: "VPCP",
            body: Assigned(leadAgency: "BTC", coordinatingAgencies: ["BYT", "BXD"], note: "Chuyển Bộ Tài chính"))
        #expect(try Self.document().contains("\n" + String(decoding: try event.canonicalBytes(), as: UTF8.self) + "\n"))
    }
}

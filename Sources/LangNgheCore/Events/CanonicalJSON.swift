import Foundation

/// JSON with exactly one spelling for each value, so that equal values always give equal bytes:
/// what the tamper-evident log hashes and signatures sign (docs/events.md).
///
/// Object keys sorted by their UTF-8 bytes; no insignificant whitespace; strings in NFC, with
/// only `"`, `\` and the control characters U+0000–U+001F escaped (as `\b \t \n \f \r` or
/// `\u00XX`, lowercase hex), everything else as UTF-8; integers in decimal without a sign for
/// zero or leading zeros; no floating-point numbers; instants as RFC 3339 UTC strings with
/// milliseconds (`2026-03-12T03:00:00.000Z`).
public indirect enum CanonicalJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .string(let s): Self.write(string: s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.map { (key: $0, bytes: Array(VietnameseText.normalized($0).utf8)) }
                .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.write(string: key.key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key.key]!.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func write(string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in VietnameseText.normalized(string).utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension CanonicalJSON: Decodable {
    /// A Codable value in canonical form, as `JSONEncoder` would give it (`CanonicalEncoder`).
    /// Fractional numbers are refused: nothing in an event is one.
    public init(encoding value: some Encodable) throws {
        self = try CanonicalEncoder.encode(value)
    }

    /// Reads JSON of any spelling; the order of the attempts keeps `true` a boolean and `1` a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int64.self) {
            self = .int(int)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([CanonicalJSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: CanonicalJSON].self))
        }
    }
}

extension CanonicalJSON: Encodable {
    /// Into another JSON document (the API's event view), as the same value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .string(let s): try container.encode(s)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }
}

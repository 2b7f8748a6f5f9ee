import Foundation

/// An `Encoder` that builds a `CanonicalJSON` value straight from a Codable value, as
/// `JSONEncoder` would spell it (keys by their string value, absent optionals left out) but
/// without writing JSON text and parsing it back: that round trip was a tenth of loading a
/// case. Fractional numbers are refused, as they are by `CanonicalJSON`.
struct CanonicalEncoder {
    static func encode(_ value: some Encodable) throws -> CanonicalJSON {
        let root = Slot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        return root.value
    }
}

/// Where one value goes; containers fill theirs as they are encoded into.
private final class Slot {
    enum Content {
        case empty
        case value(CanonicalJSON)
        case array([Slot])
        case object([(String, Slot)])
    }
    var content = Content.empty

    var value: CanonicalJSON {
        switch content {
        case .empty: .object([:])
        case .value(let value): value
        case .array(let items): .array(items.map(\.value))
        case .object(let members): .object(Dictionary(members.map { ($0.0, $0.1.value) }, uniquingKeysWith: { _, last in last }))
        }
    }

    func member(_ key: String) -> Slot {
        // The same key twice is the same place, as in JSONEncoder.
        if case .object(let members) = content, let known = members.first(where: { $0.0 == key }) { return known.1 }
        let slot = Slot()
        if case .object(var members) = content {
            members.append((key, slot))
            content = .object(members)
        } else {
            content = .object([(key, slot)])
        }
        return slot
    }

    func element() -> Slot {
        let slot = Slot()
        if case .array(var items) = content {
            items.append(slot)
            content = .array(items)
        } else {
            content = .array([slot])
        }
        return slot
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
}

/// The scalar values every container writes the same way.
private func canonical(_ value: some Encodable, at slot: Slot, codingPath: [any CodingKey]) throws {
    func number<I: BinaryInteger>(_ i: I) throws -> CanonicalJSON {
        guard let exact = Int64(exactly: i) else {
            throw EncodingError.invalidValue(i, .init(codingPath: codingPath, debugDescription: "beyond a 64-bit integer"))
        }
        return .int(exact)
    }
    switch value {
    case let s as String: slot.content = .value(.string(s))
    case let b as Bool: slot.content = .value(.bool(b))
    case let i as Int: slot.content = .value(try number(i))
    case let i as Int64: slot.content = .value(.int(i))
    case let i as Int32: slot.content = .value(try number(i))
    case let i as Int16: slot.content = .value(try number(i))
    case let i as Int8: slot.content = .value(try number(i))
    case let i as UInt: slot.content = .value(try number(i))
    case let i as UInt64: slot.content = .value(try number(i))
    case let i as UInt32: slot.content = .value(try number(i))
    case let i as UInt16: slot.content = .value(try number(i))
    case let i as UInt8: slot.content = .value(try number(i))
    case is Double, is Float:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "no fractional numbers in canonical JSON"))
    // JSONEncoder spells these its own way (base64, a string, a number); an event states times
    // and files in its own fields, so one of these is a mistake to catch, not to sign.
    case is Date, is Data, is URL, is Decimal:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(type(of: value)) has no canonical form"))
    case let json as CanonicalJSON: slot.content = .value(json)
    default: try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).content = .value(.null) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try canonical(value, at: slot.member(key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = slot.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { slot.element().content = .value(.null) }
    mutating func encode(_ value: some Encodable) throws { try canonical(value, at: slot.element(), codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.element(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.element(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.element(), codingPath: codingPath) }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode(_ value: some Encodable) throws { try canonical(value, at: slot, codingPath: codingPath) }
}

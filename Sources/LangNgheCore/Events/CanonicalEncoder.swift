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
///
/// Elements and members are kept in stored arrays, appended in place: kept inside an enum's
/// payload, each append copied the whole array (a report's list of 3,000 late cases was
/// quadratic, a second of a million-petition report).
private final class Slot {
    enum Kind {
        case empty, value, array, object
    }
    private(set) var kind = Kind.empty
    private var scalar = CanonicalJSON.null
    private(set) var items: [Slot] = []
    private var members: [(String, Slot)] = []

    var value: CanonicalJSON {
        switch kind {
        case .empty: .object([:])
        case .value: scalar
        case .array: .array(items.map(\.value))
        case .object: .object(Dictionary(members.map { ($0.0, $0.1.value) }, uniquingKeysWith: { _, last in last }))
        }
    }

    func set(_ value: CanonicalJSON) {
        kind = .value
        scalar = value
    }

    /// Makes this an object (keeping its members if it is one already).
    func becomeObject() {
        guard kind != .object else { return }
        kind = .object
        members = []
    }

    /// Makes this an array (keeping its elements if it is one already).
    func becomeArray() {
        guard kind != .array else { return }
        kind = .array
        items = []
    }

    func member(_ key: String) -> Slot {
        becomeObject()
        // The same key twice is the same place, as in JSONEncoder.
        if let known = members.first(where: { $0.0 == key }) { return known.1 }
        let slot = Slot()
        members.append((key, slot))
        return slot
    }

    func element() -> Slot {
        becomeArray()
        let slot = Slot()
        items.append(slot)
        return slot
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.becomeObject()
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.becomeArray()
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
    case let s as String: slot.set(.string(s))
    case let b as Bool: slot.set(.bool(b))
    case let i as Int: slot.set(try number(i))
    case let i as Int64: slot.set(.int(i))
    case let i as Int32: slot.set(try number(i))
    case let i as Int16: slot.set(try number(i))
    case let i as Int8: slot.set(try number(i))
    case let i as UInt: slot.set(try number(i))
    case let i as UInt64: slot.set(try number(i))
    case let i as UInt32: slot.set(try number(i))
    case let i as UInt16: slot.set(try number(i))
    case let i as UInt8: slot.set(try number(i))
    case is Double, is Float:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "no fractional numbers in canonical JSON"))
    // JSONEncoder spells these its own way (base64, a string, a number); an event states times
    // and files in its own fields, so one of these is a mistake to catch, not to sign.
    case is Date, is Data, is URL, is Decimal:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(type(of: value)) has no canonical form"))
    case let json as CanonicalJSON: slot.set(json)
    default: try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).set(.null) }
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
    var count: Int { slot.items.count }

    mutating func encodeNil() throws { slot.element().set(.null) }
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

    mutating func encodeNil() throws { slot.set(.null) }
    mutating func encode(_ value: some Encodable) throws { try canonical(value, at: slot, codingPath: codingPath) }
}

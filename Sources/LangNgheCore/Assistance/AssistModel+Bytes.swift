import Foundation

/// A trained model as bytes, for the database (so that every server instance uses the same one):
/// little-endian numbers and length-prefixed UTF-8, with a version in front. Millions of terms
/// would make JSON slow to read at start-up; this reads as fast as memory is copied.
extension AssistModel {
    static let format: UInt32 = 1

    public var bytes: [UInt8] {
        var out = ByteWriter()
        out.u32(Self.format)
        out.u64(UInt64(weights.documents))
        out.u64(UInt64(weights.frequencies.count))
        for (term, count) in weights.frequencies.sorted(by: { $0.key < $1.key }) {
            out.u64(term)
            out.u32(count)
        }
        agency.write(to: &out)
        field.write(to: &out)
        return out.bytes
    }

    public init(bytes: [UInt8]) throws {
        var input = ByteReader(bytes)
        guard try input.u32() == Self.format else { throw ByteReader.Unreadable() }
        guard let documents = Int(exactly: try input.u64()), documents <= Int(UInt32.max) else { throw ByteReader.Unreadable() }
        let count = try input.count()
        var frequencies: [UInt64: UInt32] = [:]
        frequencies.reserveCapacity(count)
        for _ in 0..<count { frequencies[try input.u64()] = try input.u32() }
        self.init(
            weights: TermWeights(documents: documents, frequencies: frequencies), agency: try NaiveBayes(from: &input),
            field: try NaiveBayes(from: &input))
    }
}

extension NaiveBayes {
    func write(to out: inout ByteWriter) {
        out.u64(UInt64(labels.count))
        for (i, label) in labels.enumerated() {
            out.string(label)
            out.f64(logPrior[i])
            out.f64(logUnseen[i])
        }
        out.u64(UInt64(gains.count))
        for (term, list) in gains.sorted(by: { $0.key < $1.key }) {
            out.u64(term)
            out.u32(UInt32(list.count))
            for gain in list {
                out.u32(UInt32(gain.label))
                out.u32(gain.value.bitPattern)
            }
        }
    }

    init(from input: inout ByteReader) throws {
        var labels: [String] = []
        var priors: [Double] = []
        var unseen: [Double] = []
        for _ in 0..<(try input.count()) {
            labels.append(try input.string())
            priors.append(try input.f64())
            unseen.append(try input.f64())
        }
        var gains: [UInt64: [Gain]] = [:]
        let terms = try input.count()
        gains.reserveCapacity(terms)
        for _ in 0..<terms {
            let term = try input.u64()
            let n = Int(try input.u32())
            var list: [Gain] = []
            list.reserveCapacity(n)
            for _ in 0..<n {
                let label = try input.u32()
                guard label < labels.count else { throw ByteReader.Unreadable() }
                list.append(Gain(label: Int32(label), value: Float(bitPattern: try input.u32())))
            }
            gains[term] = list
        }
        self.init(labels: labels, logPrior: priors, logUnseen: unseen, gains: gains)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f64(_ value: Double) { u64(value.bitPattern) }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }
}

struct ByteReader {
    struct Unreadable: Error {}
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, bytes.count - position >= n else { throw Unreadable() }
        defer { position += n }
        return bytes[position..<position + n]
    }

    mutating func u32() throws -> UInt32 { try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    mutating func u64() throws -> UInt64 { try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    mutating func f64() throws -> Double { Double(bitPattern: try u64()) }
    /// A count of items that follow: never more than the bytes left could hold, so that a damaged
    /// model cannot make the reader reserve without bound.
    mutating func count() throws -> Int {
        let n = try u64()
        guard n <= UInt64(bytes.count - position) else { throw Unreadable() }
        return Int(n)
    }
    mutating func string() throws -> String {
        let n = Int(try u32())
        return String(decoding: try take(n), as: UTF8.self)
    }
}

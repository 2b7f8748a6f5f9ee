/// A QR code (ISO/IEC 18004) of a short text, drawn as SVG on the server: the enrolment page
/// shows the authenticator app's `otpauth://` address this way, and a printed signed answer its
/// verification address, with no script and no image fetched from elsewhere. Byte mode, error correction level L, versions 1 to 10 (up to 271
/// bytes); enough for an authenticator address, and small enough to read in an afternoon.
public struct QRCode: Sendable {
    /// Dark modules, row by row, `size` × `size`.
    public private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]
    public let version: Int
    public var size: Int { version * 4 + 17 }

    /// Data codewords per block and error correction codewords per block, level L.
    private static let blocks: [Int: (data: [Int], ec: Int)] = [
        1: ([19], 7), 2: ([34], 10), 3: ([55], 15), 4: ([80], 20), 5: ([108], 26),
        6: ([68, 68], 18), 7: ([78, 78], 20), 8: ([97, 97], 24), 9: ([116, 116], 30), 10: ([68, 68, 69, 69], 18),
    ]
    private static let alignment: [Int: [Int]] = [
        1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46],
        10: [6, 28, 50],
    ]

    /// The code of `text`, or nil when it does not fit version 10.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { Self.capacity($0) >= bytes.count }) else { return nil }
        self.version = version
        let size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        drawFunctionPatterns()
        place(Self.interleaved(Self.codewords(bytes, version: version), version: version))
        applyMask()
        drawFormatBits()
    }

    /// Bytes that fit a version: its data codewords less the mode (4 bits) and count (8 or 16).
    public static func capacity(_ version: Int) -> Int {
        (blocks[version]?.data.reduce(0, +) ?? 0) - (version < 10 ? 2 : 3)
    }

    // MARK: Data

    /// Mode, count, bytes, terminator and padding, as data codewords.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacityBits = (blocks[version]?.data.reduce(0, +) ?? 0) * 8
        append(0, min(4, capacityBits - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var words = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while words.count * 8 < capacityBits {
            words.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return words
    }

    /// The blocks with their error correction, interleaved as the symbol holds them.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        guard let layout = blocks[version] else { return [] }
        var dataBlocks: [[UInt8]] = []
        var offset = 0
        for length in layout.data {
            dataBlocks.append(Array(data[offset..<offset + length]))
            offset += length
        }
        let divisor = ReedSolomon.divisor(degree: layout.ec)
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        for i in 0..<(layout.data.max() ?? 0) { for block in dataBlocks where i < block.count { result.append(block[i]) } }
        for i in 0..<layout.ec { for block in ecBlocks { result.append(block[i]) } }
        return result
    }

    // MARK: Drawing

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        // Finders with their light separators.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(cx + dx, cy + dy, distance != 2 && distance != 4)
                }
            }
        }
        let centers = Self.alignment[version] ?? []
        for (i, cy) in centers.enumerated() {
            for (j, cx) in centers.enumerated() {
                // Not over the finders.
                if (i == 0 && j == 0) || (i == 0 && j == centers.count - 1) || (i == centers.count - 1 && j == 0) { continue }
                for dy in -2...2 { for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        drawFormatBits()  // reserves the areas; drawn again once the mask is known
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    /// Level L (01) and mask 0, with their BCH code, in both copies; and the dark module.
    private mutating func drawFormatBits() {
        let data = 0b01 << 3 | 0
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    /// The codewords in two-module columns, zigzagging up and down from the right.
    private mutating func place(_ codewords: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x], i < codewords.count * 8 {
                        modules[y][x] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// Mask 0, (x + y) even: every reader takes the mask from the format bits.
    private mutating func applyMask() {
        for y in 0..<size { for x in 0..<size where !isFunction[y][x] && (x + y) % 2 == 0 { modules[y][x].toggle() } }
    }

    /// An SVG of the code with its four-module quiet zone, `pixels` wide: one path, no text.
    public func svg(pixels: Int = 232, label: String) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size { for x in 0..<size where modules[y][x] { path += "M\(x + 4) \(y + 4)h1v1h-1z" } }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" role="img" \
            aria-label="\(XMLText.escape(label))" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path d="\(path)" fill="#000"/></svg>
            """
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var result = 0
        for i in stride(from: 7, through: 0, by: -1) {
            result = (result << 1) ^ ((result >> 7) * 0x11D)
            if (b >> i) & 1 == 1 { result ^= Int(a) }
        }
        return UInt8(result & 0xFF)
    }

    /// The generator polynomial's coefficients (highest first, leading 1 left out).
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<divisor.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}

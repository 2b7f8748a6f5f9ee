/// A ZIP archive of a few small files, stored without compression: the CSV tables of a report
/// in one download. Entries carry a fixed date (1980-01-01) so that the same files always give
/// the same bytes.
public struct ZipArchive: Sendable {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    public mutating func add(_ name: String, _ content: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(content)
        let offset = UInt32(body.count)
        /// What a local header and its directory entry both say: version 2.0, flags (bit 11:
        /// UTF-8 names), stored, time and date (1980-01-01), CRC, sizes, the name's length.
        func common(_ out: inout [UInt8]) {
            out.le16(20)
            out.le16(0x0800)
            out.le16(0)
            out.le16(0)
            out.le16(0x21)
            out.le32(crc)
            out.le32(UInt32(content.count))
            out.le32(UInt32(content.count))
            out.le16(UInt16(nameBytes.count))
        }
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        common(&header)
        header.le16(0)
        body += header + nameBytes + content
        // The directory entry: made by version 2.0, then the same facts, and where the header starts.
        var entry: [UInt8] = []
        entry.le32(0x0201_4B50)
        entry.le16(20)
        common(&entry)
        for _ in 0..<4 { entry.le16(0) }
        entry.le32(0)
        entry.le32(offset)
        directory += entry + nameBytes
        count += 1
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0)
        end.le16(0)
        end.le16(UInt16(count))
        end.le16(UInt16(count))
        end.le32(UInt32(directory.count))
        end.le32(UInt32(body.count))
        end.le16(0)
        return body + directory + end
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP requires.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}

extension PeriodReport {
    /// The CSV tables in one ZIP, with the report's JSON beside them.
    public func csvArchive() throws -> [UInt8] {
        var zip = ZipArchive()
        for table in tables { zip.add(table.name + ".csv", Array(table.csv.utf8)) }
        zip.add("report.json", try canonicalBytes())
        return zip.bytes
    }
}

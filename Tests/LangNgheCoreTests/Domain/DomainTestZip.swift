/// A minimal but valid ZIP archive built in memory: stored (uncompressed) entries, each with its
/// local header, then the central directory and its end record (`unzip -t` finds no error).
enum DomainTestZip {
    static func archive(_ entries: [(name: String, contents: String)]) -> [UInt8] {
        archive(bytes: entries.map { ($0.name, Array($0.contents.utf8)) })
    }

    static func archive(bytes entries: [(name: String, contents: [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for (name, data) in entries {
            let name = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(output.count)

            output.append(le: 0x0403_4B50)  // local file header
            output.append(le16: 20)  // version needed: 2.0
            output.append(le16: 0)  // flags
            output.append(le16: 0)  // method: stored
            output.append(le16: 0)  // time 00:00
            output.append(le16: 0x21)  // date 1980-01-01
            output.append(le: crc)
            output.append(le: UInt32(data.count))  // compressed size
            output.append(le: UInt32(data.count))  // uncompressed size
            output.append(le16: UInt16(name.count))
            output.append(le16: 0)  // extra length
            output += name + data

            directory.append(le: 0x0201_4B50)  // central directory header
            directory.append(le16: 20)  // made by
            directory.append(le16: 20)  // version needed
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: 0x21)
            directory.append(le: crc)
            directory.append(le: UInt32(data.count))
            directory.append(le: UInt32(data.count))
            directory.append(le16: UInt16(name.count))
            directory.append(le16: 0)  // extra length
            directory.append(le16: 0)  // comment length
            directory.append(le16: 0)  // disk number
            directory.append(le16: 0)  // internal attributes
            directory.append(le: 0)  // external attributes
            directory.append(le: offset)
            directory += name
        }
        let directoryOffset = UInt32(output.count)
        output += directory
        output.append(le: 0x0605_4B50)  // end of central directory
        output.append(le16: 0)
        output.append(le16: 0)
        output.append(le16: UInt16(entries.count))
        output.append(le16: UInt16(entries.count))
        output.append(le: UInt32(directory.count))
        output.append(le: directoryOffset)
        output.append(le16: 0)  // comment length
        return output
    }

    /// CRC-32 as ZIP uses it (reflected, polynomial 0xEDB88320).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    /// A minimal .docx: content types, the package relationship and one paragraph.
    static let docx = archive([
        (
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
        ),
        (
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
        ),
        (
            "word/document.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kính gửi Văn phòng Chính phủ</w:t></w:r></w:p></w:body></w:document>"#
        ),
    ])

    /// The smallest .xlsx: a workbook with one empty sheet.
    static let xlsx = archive([
        (
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
        ),
        (
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        ),
        (
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
        (
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
        ),
        (
            "xl/worksheets/sheet1.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#
        ),
    ])
}

extension [UInt8] {
    fileprivate mutating func append(le value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }
}

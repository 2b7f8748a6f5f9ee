/// The attachment formats the Government portal accepts, recognised from a file's first bytes
/// rather than its name: an executable renamed `.pdf` is still an executable.
public enum AttachmentType: String, Sendable, CaseIterable, Codable {
    case jpeg, png, pdf, doc, xls, docx, xlsx

    public static let maxCount = 5
    public static let maxBytes = 10 * 1_048_576

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Recognises the format from the content. The file name only decides between the two
    /// legacy Office formats, which share one container (OLE2) and differ only deep inside it.
    public static func detect(_ bytes: some Collection<UInt8>, fileName: String) -> AttachmentType? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return fileName.lowercased().hasSuffix(".xls") ? .xls : .doc
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return officeOpenXML(Array(bytes)) }
        return nil
    }

    /// A .docx or .xlsx is a ZIP archive whose entries live under `word/` or `xl/`; any other
    /// ZIP is refused. The entry names are read from the archive's own central directory, found
    /// through its end record, so that a ZIP merely holding a .docx is not taken for one.
    static func officeOpenXML(_ zip: [UInt8]) -> AttachmentType? {
        guard let end = endOfCentralDirectory(zip) else { return nil }
        let entries = Int(zip.le16(end + 10))
        var offset = Int(zip.le32(end + 16))
        for _ in 0..<entries {
            guard offset + 46 <= zip.count, zip.le32(offset) == 0x0201_4B50 else { return nil }
            let nameLength = Int(zip.le16(offset + 28))
            let extraLength = Int(zip.le16(offset + 30))
            let commentLength = Int(zip.le16(offset + 32))
            let nameStart = offset + 46
            guard nameStart + nameLength <= zip.count else { return nil }
            let name = zip[nameStart..<nameStart + nameLength]
            if name.starts(with: Array("word/".utf8)) { return .docx }
            if name.starts(with: Array("xl/".utf8)) { return .xlsx }
            offset = nameStart + nameLength + extraLength + commentLength
        }
        return nil
    }

    /// The end-of-central-directory record: 22 bytes plus a comment of up to 65 535 bytes at
    /// the very end of the archive.
    static func endOfCentralDirectory(_ zip: [UInt8]) -> Int? {
        guard zip.count >= 22 else { return nil }
        let lowest = max(0, zip.count - 22 - 65_535)
        var offset = zip.count - 22
        while offset >= lowest {
            if zip.le32(offset) == 0x0605_4B50, offset + 22 + Int(zip.le16(offset + 20)) == zip.count { return offset }
            offset -= 1
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// Little-endian integers, as ZIP stores them.
    fileprivate func le16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    fileprivate func le32(_ i: Int) -> UInt32 {
        UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
    }
}

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
    /// ZIP is refused. Entry names are read from the central directory, which (unlike the local
    /// headers) always carries the sizes needed to walk it.
    static func officeOpenXML(_ zip: [UInt8]) -> AttachmentType? {
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var offset = 0
        while offset + 46 <= zip.count {
            guard zip[offset] == 0x50, zip[offset..<offset + 4].elementsEqual(signature) else {
                offset += 1
                continue
            }
            let nameLength = Int(zip[offset + 28]) | Int(zip[offset + 29]) << 8
            let nameStart = offset + 46
            guard nameStart + nameLength <= zip.count else { return nil }
            let name = zip[nameStart..<nameStart + nameLength]
            if name.starts(with: Array("word/".utf8)) { return .docx }
            if name.starts(with: Array("xl/".utf8)) { return .xlsx }
            offset = nameStart + nameLength
        }
        return nil
    }
}

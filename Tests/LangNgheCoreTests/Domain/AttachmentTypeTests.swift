import LangNgheCore
import Testing

@Suite("Attachments: recognised by content, not by name")
struct AttachmentTypeTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8)
    static let pdf: [UInt8] = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
    static let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 56)
    static let pe: [UInt8] = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] + Array(repeating: 0, count: 56)

    @Test(
        arguments: [
            (jpeg, "anh-hien-truong.jpg", AttachmentType.jpeg),
            (jpeg, "anh.pdf", .jpeg),  // the content wins over the name
            (png, "so-do.png", .png),
            (pdf, "quyet-dinh.pdf", .pdf),
            (pdf, "QUYET-DINH", .pdf),
            (ole2, "don.doc", .doc),
            (ole2, "bang-ke.xls", .xls),
            (ole2, "BANG-KE.XLS", .xls),
            (ole2, "khong-duoi", .doc),
            (DomainTestZip.docx, "don.docx", .docx),
            (DomainTestZip.docx, "don.zip", .docx),
            (DomainTestZip.xlsx, "bang-ke.xlsx", .xlsx),
        ])
    func recognised(bytes: [UInt8], fileName: String, expected: AttachmentType) {
        #expect(AttachmentType.detect(bytes, fileName: fileName) == expected)
    }

    @Test func detectsFromAnySequenceOfBytes() {
        #expect(AttachmentType.detect(Self.pdf[...], fileName: "a.pdf") == .pdf)
        #expect(AttachmentType.detect(DomainTestZip.docx.dropFirst(0), fileName: "a.docx") == .docx)
    }

    @Test(
        "Refused: executables, other archives, unknown or truncated content",
        arguments: [
            ([], "trong.pdf"),
            (elf, "ho-so.pdf"),
            (pe, "ho-so.pdf"),
            (pe, "ho-so.docx"),
            (Array("#!/bin/sh\nrm -rf /\n".utf8), "don.doc"),
            (Array("<html><script>alert(1)</script></html>".utf8), "don.pdf"),
            ([0xFF, 0xD8], "cut.jpg"),
            ([0x89, 0x50, 0x4E, 0x47], "cut.png"),
            (Array("%PDF".utf8), "cut.pdf"),
            ([0xD0, 0xCF, 0x11, 0xE0], "cut.doc"),
            ([0x50, 0x4B, 0x03, 0x04], "cut.docx"),
            (DomainTestZip.archive([("readme.txt", "xin chào"), ("photos/a.jpg", "not really")]), "ho-so.docx"),
            (DomainTestZip.archive([("wordy/document.xml", "<x/>"), ("xlsx/workbook.xml", "<x/>")]), "ho-so.docx"),
            (DomainTestZip.archive([]), "rong.xlsx"),
        ] as [([UInt8], String)])
    func refused(bytes: [UInt8], fileName: String) {
        #expect(AttachmentType.detect(bytes, fileName: fileName) == nil)
    }

    @Test func truncatedOfficeFilesNeverCrash() {
        // Every prefix of a .docx, as an interrupted upload leaves it.
        let docx = DomainTestZip.docx
        for length in 0...docx.count {
            let detected = AttachmentType.detect(docx.prefix(length), fileName: "don.docx")
            #expect(detected == nil || detected == .docx, "\(length) bytes")
        }
    }

    @Test func anOfficeDocumentInsideAnotherArchiveIsNotOne() {
        // setup: a plain ZIP (a script and a .docx stored in it uncompressed). Its own central
        // directory names no word/ entry; the inner document's does.
        let outer = DomainTestZip.archive(bytes: [
            ("run.sh", Array("#!/bin/sh\necho pwned\n".utf8)), ("don.docx", DomainTestZip.docx),
        ])

        // MUT
        let detected = AttachmentType.detect(outer, fileName: "don.docx")

        // validate
        // officeOpenXML scans every byte for a central directory signature instead of reading the
        // directory the end record points to (AttachmentType.swift, lines 43-47).
        #expect(detected == nil)
    }

    @Test func zipHelperComputesTheStandardCRC() {
        // The check value of CRC-32/ISO-HDLC.
        #expect(DomainTestZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(
        arguments: [
            (AttachmentType.jpeg, "image/jpeg", "jpg"), (.png, "image/png", "png"), (.pdf, "application/pdf", "pdf"),
            (.doc, "application/msword", "doc"), (.xls, "application/vnd.ms-excel", "xls"),
            (.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            (.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ])
    func mediaTypeAndExtension(type: AttachmentType, mediaType: String, fileExtension: String) {
        #expect(type.mediaType == mediaType)
        #expect(type.fileExtension == fileExtension)
    }
}

import Mustache

/// HTML escaping for every template, byte by byte. swift-mustache's own escape walks the text by
/// `Character` (grapheme clusters: slow on Vietnamese, whose letters carry one or two marks) and
/// looks each up in a dictionary; profiled, it was a large part of rendering a page. The same
/// five characters are escaped; text without any is returned as it is.
///
/// The library's default content type is fixed, so each template names this one with the pragma
/// `{{% CONTENT_TYPE: HTML}}` on its first line (a test checks every file), and `Views` registers
/// it under that name before the templates are parsed.
struct HTMLEscaping: MustacheContentType {
    static let pragmaName = "HTML"
    static let pragma = "{{% CONTENT_TYPE: HTML}}"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: Self.isSpecial) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}

extension MustacheLibrary {
    /// The bundled templates, with `HTMLEscaping` registered first.
    static func bundled() async throws -> MustacheLibrary {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.pragmaName)
        return try await MustacheLibrary(directory: AppResources.path("Templates"))
    }
}

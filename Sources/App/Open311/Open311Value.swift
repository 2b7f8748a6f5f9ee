import Foundation
import Hummingbird
import LangNgheCore

/// The two formats of every Open311 resource, chosen by the path's suffix (`requests.json`,
/// `requests.xml`). The specification requires XML; JSON is the common choice.
enum Open311Format: String, Sendable, CaseIterable {
    case json, xml

    /// The format a path asks for; JSON unless it ends in `.xml`.
    init(path: String) {
        self = path.hasSuffix(".xml") ? .xml : .json
    }

    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// A document as this format writes it.
    func response(_ document: Open311Document, status: HTTPResponse.Status = .ok) -> Response {
        switch self {
        case .json:
            return JSONBody.response(document.value, status: status)
        case .xml:
            var headers = HTTPFields()
            headers[.contentType] = contentType
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.xml)))
        }
    }
}

/// One Open311 document, written once and rendered as JSON or as XML, so that the two formats
/// always carry the same fields. A list is a JSON array and, in XML, an element per item inside
/// the list's element (`<service_requests><request>…</request></service_requests>`).
indirect enum Open311Value: Encodable, Sendable {
    /// Text, or `null` (an empty element in XML).
    case text(String?)
    case integer(Int)
    case boolean(Bool)
    case object([(String, Open311Value)])
    case list(item: String, [Open311Value])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var container = encoder.singleValueContainer()
            if let text { try container.encode(text) } else { try container.encodeNil() }
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .boolean(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in members { try container.encode(value, forKey: Key(name)) }
        case .list(_, let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        }
    }

    func write(_ name: String, to writer: inout XMLWriter) {
        switch self {
        case .text(let text): writer.element(name, text ?? "")
        case .integer(let number): writer.element(name, String(number))
        case .boolean(let flag): writer.element(name, flag ? "true" : "false")
        case .object(let members):
            writer.open(name)
            for (member, value) in members { value.write(member, to: &writer) }
            writer.close(name)
        case .list(let item, let items):
            writer.open(name)
            for value in items { value.write(item, to: &writer) }
            writer.close(name)
        }
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A whole response: the root element's name (XML only) and its value.
struct Open311Document: Sendable {
    let root: String
    let value: Open311Value

    var xml: String {
        var writer = XMLWriter()
        value.write(root, to: &writer)
        return writer.text
    }

    /// `[{"code": 400, "description": "…"}]`, `<errors><error><code>400</code>…</error></errors>`.
    static func errors(_ errors: [(code: Int, description: String)]) -> Open311Document {
        Open311Document(
            root: "errors",
            value: .list(item: "error", errors.map { .object([("code", .integer($0.code)), ("description", .text($0.description))]) }))
    }
}

/// Just enough XML: a declaration, elements, escaped text. Names are the specification's own
/// constants; only text comes from outside, and every character of it is escaped or dropped.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    mutating func open(_ name: String) { text += "<" + name + ">" }
    mutating func close(_ name: String) { text += "</" + name + ">" }

    mutating func element(_ name: String, _ content: String) {
        if content.isEmpty {
            text += "<" + name + "/>"
        } else {
            text += "<" + name + ">" + XMLText.escape(content) + "</" + name + ">"
        }
    }

    /// Escapes the five special characters and drops what XML 1.0 cannot carry at all
    /// (control characters other than tab and line breaks, U+FFFE, U+FFFF).

}

import Hummingbird
import LangNgheCore

/// An Atom 1.0 feed (RFC 4287), written out directly: a few elements, every value escaped. The
/// answer feeds and the log's heads share it.
struct AtomFeed {
    struct Entry {
        var title: String
        var id: String
        var link: String?
        var updated: String
        var author: String?
        var summary: String?
        /// Text content, shown whole (the log's head as JSON).
        var content: String?
    }

    let title: String
    /// The feed's own address: its id and its `self` link.
    let url: String
    /// The newest entry's time, or a fixed one for an empty feed.
    let updated: String
    var author: String?
    let entries: [Entry]

    var response: Response {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(XMLText.escape(title))</title>
            <id>\(XMLText.escape(url))</id>
            <link rel="self" href="\(XMLText.escape(url))"/>
            <updated>\(XMLText.escape(updated))</updated>

            """
        if let author { xml += "<author><name>\(XMLText.escape(author))</name></author>\n" }
        for entry in entries {
            xml += "<entry>\n<title>\(XMLText.escape(entry.title))</title>\n<id>\(XMLText.escape(entry.id))</id>\n"
            if let link = entry.link { xml += "<link href=\"\(XMLText.escape(link))\"/>\n" }
            xml += "<updated>\(XMLText.escape(entry.updated))</updated>\n"
            if let author = entry.author { xml += "<author><name>\(XMLText.escape(author))</name></author>\n" }
            if let summary = entry.summary { xml += "<summary>\(XMLText.escape(summary))</summary>\n" }
            if let content = entry.content { xml += "<content type=\"text\">\(XMLText.escape(content))</content>\n" }
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        var headers = HTTPFields()
        headers[.contentType] = "application/atom+xml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    /// For an empty feed, which still needs an `updated`.
    static let epoch = "2026-01-01T00:00:00.000Z"
}

import Foundation

/// An e-mail as it goes on the wire (RFC 5322 with MIME): a plain-text and an HTML part, UTF-8
/// everywhere, subjects and names encoded per RFC 2047, lines of at most 76 characters (both
/// parts in base64, so no line of the body ever starts with a dot or grows too long).
public struct MailMessage: Sendable, Hashable {
    public var messageID: String
    public var from: String
    public var fromName: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    /// A link that stops this kind of mail (RFC 2369 / 8058), for mail the recipient may refuse.
    public var unsubscribe: String?
    public var date: Date

    public init(
        messageID: String, from: String, fromName: String, to: String, subject: String, text: String, html: String,
        unsubscribe: String? = nil, date: Date
    ) {
        self.messageID = messageID
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.unsubscribe = unsubscribe
        self.date = date
    }

    /// The message's bytes, lines ending in CRLF; the boundary comes from the message id, so
    /// that the same notification always gives the same bytes.
    public func rendered() -> String {
        let boundary = "=_langnghe_" + String(messageID.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        var headers = [
            "Message-ID: <\(messageID)>",
            "Date: \(Self.rfc5322(date))",
            "From: \(Self.encodedWord(fromName)) <\(from)>",
            "To: <\(to)>",
            "Subject: \(Self.encodedWord(subject))",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        if let unsubscribe {
            headers.append("List-Unsubscribe: <\(unsubscribe)>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var lines = headers + [""]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += [
                "--\(boundary)", "Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", "",
            ]
            lines += Self.base64Lines(body)
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A header text as one or more RFC 2047 encoded words when it is not plain ASCII, each at
    /// most 75 characters and never splitting a character's bytes.
    public static func encodedWord(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // "=?UTF-8?B?" + base64 + "?=" within 75: at most 45 bytes of text a word.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(text.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

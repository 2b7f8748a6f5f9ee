import Foundation
import MultipartKit
import NIOCore

/// A browser form as posted: text fields (all values, in order) and uploaded files.
public struct FormData: Sendable {
    public struct File: Sendable {
        public var field: String
        public var fileName: String
        public var bytes: [UInt8]
    }

    public var fields: [String: [String]] = [:]
    public var files: [File] = []

    /// The first value of a field, as typed.
    public subscript(_ name: String) -> String? { fields[name]?.first }

    mutating func add(_ name: String, _ value: String) {
        fields[name, default: []].append(value)
    }

    /// `application/x-www-form-urlencoded`: `a=1&b=x+y`.
    static func urlEncoded(_ body: ByteBuffer) -> FormData {
        var form = FormData()
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            form.add(decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    /// `multipart/form-data`. Parts with a file name are files (empty file inputs are
    /// dropped); the rest are text fields.
    static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormData {
        var form = FormData()
        var headers: [String: String] = [:]
        var content: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in content.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = ContentDisposition(headers["content-disposition"] ?? "")
            if let name = disposition.name {
                if let fileName = disposition.fileName {
                    if !fileName.isEmpty || !content.isEmpty {
                        form.files.append(File(field: name, fileName: fileName, bytes: content))
                    }
                } else {
                    form.add(name, String(decoding: content, as: UTF8.self))
                }
            }
            headers = [:]
            content = []
        }
        try parser.execute(body)
        return form
    }
}

/// The `name` and `filename` parameters of a part's Content-Disposition header.
struct ContentDisposition {
    var name: String?
    var fileName: String?

    init(_ header: String) {
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            if key == "name" { name = value }
            if key == "filename" { fileName = (value as NSString).lastPathComponent }
        }
    }
}

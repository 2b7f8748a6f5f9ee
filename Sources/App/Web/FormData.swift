import Foundation
import LangNgheCore
import MultipartKit
import NIOCore
import Synchronization

/// A browser form as posted: text fields (all values, in order) and uploaded files.
public struct FormData: Sendable {
    public struct File: Sendable {
        public var field: String
        public var fileName: String
        /// Where the file was written as it arrived; it is read only when it is checked and stored.
        let spool: SpooledFile

        /// The file's bytes (at most the attachment limit and one byte more: the rest of a
        /// larger file was not kept, only counted).
        public var bytes: [UInt8] { get throws { try spool.read() } }
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

    /// `multipart/form-data`, read as it arrives: parts with a file name are written to disk
    /// (each to one byte past the attachment limit, so the check can say it is too large, the
    /// rest counted and dropped), the other parts are text fields, within `textLimit` bytes in
    /// all; the body within `limit`. Nothing holds the whole body; empty file inputs are dropped.
    static func multipart<Body: AsyncSequence>(_ body: Body, boundary: String, limit: Int, textLimit: Int) async throws -> FormData
    where Body.Element == ByteBuffer {
        var form = FormData()
        var headers: [String: String] = [:]
        // Read once a part's headers are in: the parser calls `onBody` for every piece between
        // two possible boundaries — in a binary file, at each CR byte, tens of thousands of
        // times per 10 MB — and parsing the header each time made an upload run at 4 MB/s.
        var disposition: ContentDisposition?
        var text: [UInt8] = []
        var textTotal = 0
        var spool: SpooledFile?
        var failure: AppError?
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in
            let part = disposition ?? ContentDisposition(headers["content-disposition"] ?? "")
            disposition = part
            if part.fileName != nil {
                if spool == nil { spool = SpooledFile() }
                // A file that cannot be written (a full disk) fails the request rather than
                // keeping a shorter file than was sent.
                do { try spool?.write(buffer.readableBytesView, keepingAtMost: AttachmentType.maxBytes + 1) } catch { failure = .busy }
            } else {
                textTotal += buffer.readableBytes
                if textTotal > textLimit { failure = .tooLarge } else { text.append(contentsOf: buffer.readableBytesView) }
            }
        }
        parser.onPartComplete = {
            let part = disposition ?? ContentDisposition(headers["content-disposition"] ?? "")
            if let name = part.name {
                if let fileName = part.fileName {
                    let file = spool ?? SpooledFile()
                    if !fileName.isEmpty || file.received > 0 {
                        form.files.append(File(field: name, fileName: fileName, spool: file))
                    }
                } else {
                    form.add(name, String(decoding: text, as: UTF8.self))
                }
            }
            headers = [:]
            disposition = nil
            text = []
            spool = nil
        }
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            guard total <= limit else { throw AppError.tooLarge }
            try parser.execute(chunk)
            if let failure { throw failure }
        }
        return form
    }
}

/// An uploaded file written to a temporary file as it arrives, deleted when the request's form
/// is gone. Bytes are gathered into 64 KB writes: the parser hands a binary file over in pieces
/// of a few hundred bytes, and a write call for each took most of an upload's time.
final class SpooledFile: Sendable {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("langnghe-upload-" + UUID().uuidString)
    private struct State {
        var handle: FileHandle?
        var pending: [UInt8] = []
        var kept = 0
        var received = 0
    }
    private let state = Mutex(State())
    private static let writeSize = 1 << 16

    /// Bytes received, kept or not.
    var received: Int { state.withLock { $0.received } }

    func write(_ bytes: ByteBufferView, keepingAtMost limit: Int) throws {
        try state.withLock { state in
            state.received += bytes.count
            let room = max(0, limit - state.kept)
            guard room > 0 else { return }
            let kept = bytes.prefix(room)
            state.pending.append(contentsOf: kept)
            state.kept += kept.count
            if state.pending.count >= Self.writeSize { try Self.flush(&state, to: url) }
        }
    }

    private static func flush(_ state: inout State, to url: URL) throws {
        guard !state.pending.isEmpty else { return }
        let handle: FileHandle
        if let open = state.handle {
            handle = open
        } else {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            handle = try FileHandle(forWritingTo: url)
            state.handle = handle
        }
        try handle.write(contentsOf: state.pending)
        state.pending.removeAll(keepingCapacity: true)
    }

    func read() throws -> [UInt8] {
        try state.withLock { state in
            guard state.kept > 0 else { return [] }
            // Read back through the page cache: nothing here needs the temporary file on disk.
            try Self.flush(&state, to: url)
            return [UInt8](try Data(contentsOf: url))
        }
    }

    deinit {
        state.withLock { state in try? state.handle?.close() }
        try? FileManager.default.removeItem(at: url)
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

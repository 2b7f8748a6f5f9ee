/// What a web form may send to a path: a sign-in form needs a few kilobytes, the forms that file
/// a petition take attachments, every other form takes text only.
struct FormLimits: Sendable {
    let bytes: Int
    let allowsFiles: Bool

    static let signIn = FormLimits(bytes: 16_384, allowsFiles: false)
    static let text = FormLimits(bytes: Limits.formBody, allowsFiles: false)
    static let upload = FormLimits(bytes: Limits.uploadBody, allowsFiles: true)
    /// A signed answer to verify: pasted or as one file, a few pages of JSON.
    static let document = FormLimits(bytes: 2 * Limits.jsonBody, allowsFiles: true)

    init(bytes: Int, allowsFiles: Bool) {
        self.bytes = bytes
        self.allowsFiles = allowsFiles
    }

    init(path: String) {
        switch path {
        case Site.signIn.path: self = .signIn
        case Site.submit.path, Site.paperIntake.path: self = .upload
        case Site.verify.path: self = .document
        default: self = .text
        }
    }
}

extension ClientGate {
    /// A few places for bodies larger than a text form, shared by the whole process (one key):
    /// a request that finds them all taken is told to come back (503, `Retry-After`) instead of
    /// being read. Files go to disk as they arrive (`FormData.multipart`), so this bounds the
    /// temporary files — eight uploads of five 10 MB files at most — and the work, not memory.
    static let uploads = ClientGate(perClient: 8, refusal: .busy)
}

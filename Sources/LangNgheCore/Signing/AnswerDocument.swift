/// What an agency's leader signs when approving an answer (issue 11 §2): the answer exactly as it
/// will be published (masked: a masked draft must be approved again), for which case and agency,
/// by whom and when. Its canonical JSON (`CanonicalJSON`) is the signed bytes, so the same
/// document always gives the same bytes, in whatever spelling it travels.
public struct AnswerDocument: Sendable, Hashable, Codable {
    public static let currentFormat = "langnghe-answer/1"

    public struct Party: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public struct Approver: Sendable, Hashable, Codable {
        public var name: String
        public var title: String
        public init(name: String, title: String) {
            self.name = name
            self.title = title
        }
    }

    /// An attachment of the answer, by name and SHA-256 (hex): the file itself travels apart.
    public struct Attachment: Sendable, Hashable, Codable {
        public var name: String
        public var sha256: String
        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    public var format: String
    public var trackingCode: String
    public var agency: Party
    public var answer: String
    /// RFC 3339 UTC with milliseconds (`Timestamp`): the approval event's time.
    public var approvedAt: String
    public var approver: Approver
    public var attachments: [Attachment]

    public init(
        trackingCode: String, agency: Party, answer: String, approvedAt: String, approver: Approver, attachments: [Attachment] = []
    ) {
        self.format = Self.currentFormat
        self.trackingCode = trackingCode
        self.agency = agency
        self.answer = answer
        self.approvedAt = approvedAt
        self.approver = approver
        self.attachments = attachments
    }

    /// Who signed, in one line: "Name, title".
    public var signerLine: String { approver.title.isEmpty ? approver.name : approver.name + ", " + approver.title }

    /// The bytes the signature covers.
    public func signedBytes() throws -> [UInt8] { try CanonicalJSON(encoding: self).bytes }
}

/// A signed answer as it is stored with its approval event, served by the API and verified by
/// anyone: the document, an ECDSA P-256 / SHA-256 signature over its canonical bytes (DER,
/// base64), and the signing certificate with any intermediates (PEM, leaf first).
public struct SignedAnswer: Sendable, Hashable, Codable {
    public static let algorithm = "ES256"

    public var document: AnswerDocument
    public var algorithm: String
    public var signature: String
    public var certificates: [String]

    public init(document: AnswerDocument, signature: String, certificates: [String]) {
        self.document = document
        self.algorithm = Self.algorithm
        self.signature = signature
        self.certificates = certificates
    }
}

extension [PetitionEvent] {
    /// The signed document behind the answer published by the event at `index`: the last
    /// approval before it (a masked draft is approved again, so the last one signed the text).
    public func signedAnswer(publishedAt index: Int) -> SignedAnswer? {
        self[..<index].last { $0.type == .answerApproved }?.body(AnswerApproved.self)?.signed
    }
}

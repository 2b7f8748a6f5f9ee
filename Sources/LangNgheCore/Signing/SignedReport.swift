/// A report signed by the Government Office: the report, when and by which agency it was signed,
/// an ECDSA P-256 / SHA-256 signature over the canonical JSON of those three (`content`), and the
/// signing certificate with any intermediates (PEM, leaf first). Checked like a signed answer:
/// `POST /api/v1/verify`, the page `/xac-minh` and `langnghe verify FILE`.
///
/// The report itself is byte-identical whenever it is generated again from the same tree head;
/// the signature around it is new each time (ECDSA signatures are randomised).
public struct SignedReport: Sendable, Hashable, Codable {
    public static let algorithm = "ES256"

    public struct Content: Sendable, Hashable, Codable {
        public var report: PeriodReport
        /// RFC 3339 UTC with milliseconds (`Timestamp`).
        public var signedAt: String
        /// The signing agency's code: the Government Office.
        public var agency: String

        public init(report: PeriodReport, signedAt: String, agency: String) {
            self.report = report
            self.signedAt = signedAt
            self.agency = agency
        }

        /// The bytes the signature covers.
        public func signedBytes() throws -> [UInt8] { try CanonicalJSON(encoding: self).bytes }
    }

    public var content: Content
    public var algorithm: String
    public var signature: String
    public var certificates: [String]

    public init(content: Content, signature: String, certificates: [String]) {
        self.content = content
        self.algorithm = Self.algorithm
        self.signature = signature
        self.certificates = certificates
    }

    /// "2026-Q3", or "2026-Q3 · BTC" for one agency's report.
    public var title: String {
        let parameters = content.report.parameters
        return parameters.period + (parameters.agency.map { " · " + $0 } ?? "")
    }
}

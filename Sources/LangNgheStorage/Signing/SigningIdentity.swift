import Crypto
import Foundation
import LangNgheCore

/// An agency's private key with its certificate chain (leaf first, PEM): what signs an answer, or
/// the Government Office's report.
public struct SigningIdentity: Sendable {
    let key: P256.Signing.PrivateKey
    public let certificates: [String]
    public let fingerprint: String

    public func sign(_ document: AnswerDocument) throws -> SignedAnswer {
        let signature = try key.signature(for: document.signedBytes())
        return SignedAnswer(document: document, signature: signature.derRepresentation.base64EncodedString(), certificates: certificates)
    }

    public func sign(_ content: SignedReport.Content) throws -> SignedReport {
        let signature = try key.signature(for: content.signedBytes())
        return SignedReport(content: content, signature: signature.derRepresentation.base64EncodedString(), certificates: certificates)
    }
}

/// A certificate as the admin's page and the lists show it.
public struct StoredCertificate: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// LangNghe's own root.
        case root
        /// An outside root an admin trusted by importing a chain that ends in it.
        case anchor
        /// An agency's signing certificate.
        case agency
    }

    public var id: Int64
    public var kind: Kind
    public var agencyCode: String?
    public var pem: String
    /// Intermediates between it and its root (imported chains), PEM.
    public var chain: String
    public var fingerprint: String
    public var serial: String
    public var subject: String
    public var notBefore: Date
    public var notAfter: Date
    /// `issued` by LangNghe's root or `imported` by an admin.
    public var source: String
    public var createdAt: Date
    public var revokedAt: Date?
    public var revocationReason: String?
}

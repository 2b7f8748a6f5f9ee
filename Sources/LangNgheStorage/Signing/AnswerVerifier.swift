import Crypto
import Foundation
import LangNgheCore
import SwiftASN1
// Certificates are checked as they stood when the answer was signed, not today: an answer
// signed in 2026 still verifies after its certificate expires.
@_spi(FixedExpiryValidationTime) import X509

/// A certificate withdrawn before its time: answers it signed at or after `revokedAt` do not
/// verify; those signed before still do. Published as a JSON list at `/pki/revoked.json`.
public struct RevokedCertificate: Sendable, Hashable, Codable {
    public var fingerprint: String
    public var serial: String
    public var agency: String?
    public var revokedAt: String
    public var reason: String

    public init(fingerprint: String, serial: String, agency: String?, revokedAt: String, reason: String) {
        self.fingerprint = fingerprint
        self.serial = serial
        self.agency = agency
        self.revokedAt = revokedAt
        self.reason = reason
    }
}

/// What checking a signed answer found: the API's `POST /api/v1/verify` answer.
public struct Verification: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// Not a signed answer document (not JSON, or fields missing).
        case malformed
        case unsupportedFormat
        /// The certificates are not PEM X.509, or the key is not P-256.
        case badCertificate
        /// The document is not the one signed: a character of the text, the signer or the time changed.
        case signatureMismatch
        /// No chain to a trusted root, or a certificate was not valid at the time of signing.
        case untrustedChain
        case revoked
        /// The certificate signs for another agency than the document names.
        case agencyMismatch
        /// Online only: the system never recorded this signature in the case's log.
        case notRecorded
    }

    public var valid: Bool
    public var signer: String?
    public var agency: String?
    public var signedAt: String?
    public var trackingCode: String?
    /// For a signed report: its period, and its agency when it is one agency's ("2026-Q3 · BTC").
    public var report: String?
    public var reason: Reason?

    public init(
        valid: Bool, signer: String? = nil, agency: String? = nil, signedAt: String? = nil, trackingCode: String? = nil,
        report: String? = nil, reason: Reason? = nil
    ) {
        self.valid = valid
        self.signer = signer
        self.agency = agency
        self.signedAt = signedAt
        self.trackingCode = trackingCode
        self.report = report
        self.reason = reason
    }

    static func invalid(_ reason: Reason, _ document: AnswerDocument? = nil) -> Verification {
        Verification(
            valid: false, signer: document?.signerLine, agency: document?.agency.name, signedAt: document?.approvedAt,
            trackingCode: document?.trackingCode, reason: reason)
    }
}

/// Checks a signed answer or report against trusted roots and the revocation list, with nothing but those:
/// the server's `/api/v1/verify`, the public page and `langnghe verify FILE` offline all use it.
public struct AnswerVerifier: Sendable {
    static let maxCertificates = 8
    let roots: [Certificate]
    let revoked: [String: RevokedCertificate]
    /// Online, the registered certificates' agencies by fingerprint: a certificate from an outside
    /// CA names no agency code, so the server's register binds it to one.
    let registered: [String: String]?

    public init(rootsPEM: String, revoked: [RevokedCertificate] = [], registered: [String: String]? = nil) throws {
        roots = try PEMDocument.parseMultiple(pemString: rootsPEM).map { try Certificate(pemDocument: $0) }
        self.revoked = Dictionary(revoked.map { ($0.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        self.registered = registered
    }

    /// A document as received: bytes of JSON in any spelling, a signed answer or a signed report.
    public func verify(json: some DataProtocol) async -> Verification {
        let data = Data(json)
        if let report = try? JSONDecoder().decode(SignedReport.self, from: data) { return await verify(report) }
        guard let signed = try? JSONDecoder().decode(SignedAnswer.self, from: data) else { return .invalid(.malformed) }
        return await verify(signed)
    }

    public func verify(_ signed: SignedAnswer) async -> Verification {
        let document = signed.document
        guard document.format == AnswerDocument.currentFormat, signed.algorithm == SignedAnswer.algorithm else {
            return .invalid(.unsupportedFormat, document)
        }
        guard let signedAt = Timestamp.date(document.approvedAt) else { return .invalid(.malformed, document) }
        if let reason = await check(
            signature: signed.signature, certificates: signed.certificates, bytes: try? document.signedBytes(), signedAt: signedAt,
            agency: document.agency.code)
        {
            return .invalid(reason, document)
        }
        return Verification(
            valid: true, signer: document.signerLine, agency: document.agency.name, signedAt: document.approvedAt,
            trackingCode: document.trackingCode, reason: nil)
    }

    /// A report signed by the Government Office.
    public func verify(_ signed: SignedReport) async -> Verification {
        let content = signed.content
        // The signing agency by the name the report gives it (the Government Office's).
        let agency = content.report.agencyNames[content.agency] ?? content.agency
        func verdict(_ reason: Verification.Reason?) -> Verification {
            Verification(
                valid: reason == nil, signer: agency, agency: agency, signedAt: content.signedAt, report: signed.title, reason: reason)
        }
        guard content.report.format == PeriodReport.currentFormat, signed.algorithm == SignedReport.algorithm else {
            return verdict(.unsupportedFormat)
        }
        guard let signedAt = Timestamp.date(content.signedAt) else { return verdict(.malformed) }
        return verdict(
            await check(
                signature: signed.signature, certificates: signed.certificates, bytes: try? content.signedBytes(), signedAt: signedAt,
                agency: content.agency))
    }

    /// What every signed document must pass: a certificate chain of reasonable length whose leaf
    /// signed `bytes`, leading to a trusted root as it stood at `signedAt`, not revoked by then,
    /// and issued to `agency`. Nil when all pass.
    private func check(signature: String, certificates pems: [String], bytes: [UInt8]?, signedAt: Date, agency: String) async
        -> Verification.Reason?
    {
        // A chain is the agency's certificate and a few intermediates; thousands would only make
        // a public endpoint build paths for nothing.
        guard (1...Self.maxCertificates).contains(pems.count) else { return .badCertificate }
        guard let certificates = try? pems.map({ try Certificate(pemEncoded: $0) }), let leaf = certificates.first,
            let key = P256.Signing.PublicKey(leaf.publicKey)
        else { return .badCertificate }
        guard let der = Data(base64Encoded: signature), let signature = try? P256.Signing.ECDSASignature(derRepresentation: der),
            let bytes, key.isValidSignature(signature, for: bytes)
        else { return .signatureMismatch }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: signedAt)
        }
        guard case .validCertificate = await verifier.validate(leaf: leaf, intermediates: CertificateStore(certificates.dropFirst()))
        else { return .untrustedChain }
        if let revocation = revoked[leaf.fingerprint], let at = Timestamp.date(revocation.revokedAt), signedAt >= at { return .revoked }
        if let code = leaf.agencyCode, code != agency { return .agencyMismatch }
        if let registered, registered[leaf.fingerprint] != agency { return .agencyMismatch }
        return nil
    }
}

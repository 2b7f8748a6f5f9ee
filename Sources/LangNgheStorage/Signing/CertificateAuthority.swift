import Crypto
import Foundation
import SwiftASN1
import X509

/// LangNghe's own certificate authority (issue 11 §1): a self-signed root, made on first run,
/// that issues each agency an ECDSA P-256 certificate for signing its answers. The root's private
/// key signs nothing else and is kept sealed under the CA passphrase (`PassphraseSeal`).
enum CertificateAuthority {
    /// A root outlives every agency certificate it issues, so that old answers keep verifying.
    static let rootYears = 25
    static let agencyYears = 3
    /// The root is valid from 1 January 2020, not from the moment it is made, so that records
    /// loaded with their history (the demo's two years, a predecessor system's cases) can carry
    /// certificates dated when they happened. The agencies' certificates are what date a signature.
    static let rootValidFrom = Date(timeIntervalSince1970: 1_577_836_800)

    static func makeRoot(now: Date) throws -> (Certificate, P256.Signing.PrivateKey) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CountryName("VN")
            OrganizationName("LangNghe")
            CommonName("LangNghe Root CA")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: min(rootValidFrom, now), notValidAfter: years(rootYears, after: now), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: .init(key.publicKey))
            },
            issuerPrivateKey: .init(key))
        return (certificate, key)
    }

    /// An agency's signing certificate: its code in the subject's organisational unit, so that a
    /// verifier can tell which agency a key signs for without asking the server.
    static func issue(
        agencyCode: String, agencyName: String, publicKey: P256.Signing.PublicKey, root: Certificate, rootKey: P256.Signing.PrivateKey,
        now: Date
    ) throws -> Certificate {
        let subject = try DistinguishedName {
            CountryName("VN")
            OrganizationName("LangNghe")
            OrganizationalUnitName(agencyCode)
            CommonName(agencyName)
        }
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(publicKey),
            // A minute back, so that an answer signed in the second the key is made verifies.
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: years(agencyYears, after: now), issuer: root.subject,
            subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
                SubjectKeyIdentifier(hash: .init(publicKey))
                if let issuerKey = try root.extensions.subjectKeyIdentifier {
                    AuthorityKeyIdentifier(keyIdentifier: issuerKey.keyIdentifier)
                }
            },
            issuerPrivateKey: .init(rootKey))
    }

    private static func years(_ count: Int, after date: Date) -> Date {
        date.addingTimeInterval(Double(count) * 365.25 * 86_400)
    }
}

extension Certificate {
    var pem: String { (try? serializeAsPEM().pemString) ?? "" }

    var derBytes: [UInt8] {
        var serializer = DER.Serializer()
        try? serializer.serialize(self)
        return serializer.serializedBytes
    }

    /// The SHA-256 of the DER bytes, hex: how a certificate is named in lists and revocations.
    public var fingerprint: String { Array(SHA256.hash(data: derBytes)).hex }

    /// The agency code an issued certificate carries (organisational unit), if any.
    var agencyCode: String? {
        subject.flatMap { $0 }.first { $0.type == .RDNAttributeType.organizationalUnitName }.flatMap { String($0.value) }
    }
}

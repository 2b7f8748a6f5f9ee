import Foundation
import X509

/// What a page shows of a certificate in PEM, without X.509 types leaving the storage module.
public struct CertificateSummary: Sendable, Hashable {
    public let fingerprint: String
    public let subject: String
    public let serial: String
    public let notBefore: Date
    public let notAfter: Date

    public init(pem: String) throws {
        let certificate = try Certificate(pemEncoded: pem)
        fingerprint = certificate.fingerprint
        subject = certificate.subject.description
        serial = certificate.serialNumber.description
        notBefore = certificate.notValidBefore
        notAfter = certificate.notValidAfter
    }
}

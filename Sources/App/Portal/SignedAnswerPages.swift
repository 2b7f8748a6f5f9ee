import Foundation
import LangNgheCore
import LangNgheStorage

/// `/tra-loi/{code}/van-ban`: a signed answer as a printable document.
struct SignedAnswerPage {
    let code: String
    let agency: String
    let answer: String
    let approver: String
    let approvedAt: String
    let fingerprint: String
    let subject: String
    let validUntil: String
    let verifyURL: String
    let qrCode: String?
    let documentHref: String
    let answerHref: String

    /// `agencyName`: the agency's name in the reader's language (the document holds the Vietnamese).
    init(signed: SignedAnswer, verifyURL: String, agencyName: String?, qrLabel: String) {
        let document = signed.document
        code = document.trackingCode
        agency = agencyName ?? document.agency.name
        answer = document.answer
        approver = document.signerLine
        approvedAt = Timestamp.date(document.approvedAt).map(DisplayDate.format) ?? document.approvedAt
        let leaf = signed.certificates.first.flatMap { try? CertificateSummary(pem: $0) }
        fingerprint = leaf?.fingerprint ?? ""
        subject = leaf?.subject ?? ""
        validUntil = leaf.map { DisplayDate.format($0.notAfter) } ?? ""
        self.verifyURL = verifyURL
        // The address is short (base URL, path, code): it fits the encoder's version 10.
        qrCode = QRCode(verifyURL)?.svg(pixels: 160, label: qrLabel)
        documentHref = "/api/v1/petitions/\(document.trackingCode)/answer"
        answerHref = Site.answer(.value(document.trackingCode)).path
    }
}

/// `/xac-minh`: the form, and what checking a document found.
struct VerifyPage {
    struct Result {
        let valid: Bool
        let message: String
        let signer: String?
        let agency: String?
        let signedAt: String?
        let trackingCode: String?
        /// A signed report's period and agency.
        let report: String?

        init(_ v: Verification, catalogue: Catalogue, language: Language) {
            valid = v.valid
            message = catalogue.verdict(v, language)
            signer = v.signer
            agency = v.agency
            signedAt = v.signedAt.flatMap(Timestamp.date).map(DisplayDate.format)
            trackingCode = v.trackingCode
            report = v.report
        }
    }

    var result: Result?
    /// The document that was checked, as the signer signed it, to compare with the paper.
    var answer: String?
    var answerHref: String?
    var pasted = ""
    /// The form's own error (nothing to check), shown at the field.
    var problem: String?
    /// A lookup by code that found nothing.
    var notFound: String?
    let rootHref = Site.rootCertificates.path
    let revokedHref = Site.revokedCertificates.path

    init() {}

    init(_ verification: Verification, of signed: SignedAnswer, catalogue: Catalogue, language: Language) {
        result = Result(verification, catalogue: catalogue, language: language)
        answer = signed.document.answer
        answerHref = verification.valid ? Site.signedAnswer(.value(signed.document.trackingCode)).path : nil
    }
}

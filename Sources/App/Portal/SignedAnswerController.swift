import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Signed answers for anyone to check (issue 11 §3): the document as JSON, a printable page with
/// a QR code to the verification page, that page (a pasted or uploaded document, or the one
/// published for a code), `POST /api/v1/verify`, and the root certificate and revocation list
/// at stable addresses.
struct SignedAnswerController {
    let store: Store
    let views: Views
    let baseURL: String

    /// `GET /api/v1/petitions/{code}/answer`: the signed answer document, to keep or verify.
    @Sendable func documentJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let signed = try await find(context)
        var response = JSONBody.response(signed)
        response.headers[.contentDisposition] = "attachment; filename=\"tra-loi-\(signed.document.trackingCode).json\""
        return response
    }

    /// `/tra-loi/{code}/van-ban`: the document on paper, with who signed and a QR code.
    @Sendable func printable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let signed = try await find(context)
        let agency = try await store.agencies().first { $0.code == signed.document.agency.code }
        let page = SignedAnswerPage(
            signed: signed, verifyURL: verifyURL(signed.document.trackingCode), agencyName: agency?.name(context.language),
            qrLabel: views.catalogue.text("signed_qr_label", context.language))
        return views.page(
            "signed-answer", title: views.catalogue.text("signed_title", context.language) + " " + signed.document.trackingCode, body: page,
            context: context)
    }

    /// `/xac-minh`: the form; with `?ma=CODE` (the QR code's address) the published document of
    /// that case is checked at once.
    @Sendable func verifyPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let query = request.formQuery("ma"), !query.isEmpty else {
            return views.page("verify", title: title(context), body: VerifyPage(), context: context)
        }
        guard let code = TrackingCode(query), let signed = try await store.signedAnswer(code) else {
            var page = VerifyPage()
            page.notFound = views.catalogue.text("verify_no_document", context.language)
            return views.page("verify", title: title(context), body: page, context: context, status: .notFound)
        }
        let result = try await store.verify(signed)
        return views.page(
            "verify", title: title(context), body: VerifyPage(result, of: signed, catalogue: views.catalogue, language: context.language),
            context: context)
    }

    /// `POST /xac-minh`: a document pasted into the form or uploaded as a file.
    @Sendable func verifyForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        let pasted = form["document"] ?? ""
        // What was pasted stays in the form, whatever the verdict, to correct or compare.
        var page = VerifyPage()
        page.pasted = pasted
        var bytes = Array(pasted.utf8)
        if let file = form.files.first(where: { $0.field == "file" }) { bytes = try file.bytes }
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }), bytes.count <= Limits.jsonBody else {
            page.problem = views.catalogue.message(
                for: FieldError("document", bytes.count > Limits.jsonBody ? .tooLong(max: Limits.jsonBody) : .required), context.language)
            return views.page("verify", title: title(context), body: page, context: context, status: .unprocessableContent)
        }
        var result: VerifyPage
        switch SignedDocument(Data(bytes)) {
        case .answer(let signed):
            result = VerifyPage(try await store.verify(signed), of: signed, catalogue: views.catalogue, language: context.language)
        case .report(let signed):
            result = VerifyPage()
            result.result = VerifyPage.Result(try await store.verify(signed), catalogue: views.catalogue, language: context.language)
        case nil:
            page.result = VerifyPage.Result(
                Verification(valid: false, reason: .malformed), catalogue: views.catalogue, language: context.language)
            return views.page("verify", title: title(context), body: page, context: context, status: .unprocessableContent)
        }
        result.pasted = pasted
        var response = views.page("verify", title: title(context), body: result, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `POST /api/v1/verify`: the signed document as the body → `{valid, signer, agency, signedAt, reason, message}`.
    @Sendable func verifyJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let data = try await request.jsonData()
        let result: Verification
        switch SignedDocument(data) {
        case .answer(let signed): result = try await store.verify(signed)
        case .report(let signed): result = try await store.verify(signed)
        case nil: result = Verification(valid: false, reason: .malformed)
        }
        return JSONBody.response(VerificationView(result, catalogue: views.catalogue))
    }

    /// `/pki/root.pem`: LangNghe's root certificate, and any outside roots an admin trusted.
    @Sendable func roots(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pem = try await store.trustedRootsPEM()
        var headers = HTTPFields()
        headers[.contentType] = "application/x-pem-file"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: pem)))
    }

    /// `/pki/revoked.json`: every revoked certificate, with when and why.
    @Sendable func revoked(_ request: Request, context: AppRequestContext) async throws -> Response {
        var response = JSONBody.response(["revoked": try await store.revokedCertificates()])
        response.headers[.cacheControl] = "public, max-age=300"
        return response
    }

    private func find(_ context: AppRequestContext) async throws -> SignedAnswer {
        guard let code = context.parameters.get("code").flatMap(TrackingCode.init), let signed = try await store.signedAnswer(code) else {
            throw AppError.notFound
        }
        return signed
    }

    private func title(_ context: AppRequestContext) -> String { views.catalogue.text("verify_title", context.language) }

    func verifyURL(_ code: String) -> String { baseURL + Site.verify.path + "?ma=" + code }
}

/// The verification's answer in the API: the result and, for a person, why in Vietnamese.
struct VerificationView: Encodable {
    let valid: Bool
    let signer: String?
    let agency: String?
    let signedAt: String?
    let trackingCode: String?
    let report: String?
    let reason: String?
    let message: String

    init(_ v: Verification, catalogue: Catalogue) {
        valid = v.valid
        signer = v.signer
        agency = v.agency
        signedAt = v.signedAt
        trackingCode = v.trackingCode
        report = v.report
        reason = v.reason?.rawValue
        message = catalogue.verdict(v, .vi)
    }

    /// Every key is always there, `null` when it does not apply.
    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey { case valid, signer, agency, signedAt, trackingCode, report, reason, message }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(signer, forKey: .signer)
        try container.encode(agency, forKey: .agency)
        try container.encode(signedAt, forKey: .signedAt)
        try container.encode(trackingCode, forKey: .trackingCode)
        try container.encode(report, forKey: .report)
        try container.encode(reason, forKey: .reason)
        try container.encode(message, forKey: .message)
    }
}

/// A signed document as received: an answer signed by an agency, or a report signed by the
/// Government Office (told apart by their keys: `document` or `content`).
enum SignedDocument {
    case answer(SignedAnswer)
    case report(SignedReport)

    init?(_ data: Data) {
        if let report = try? JSONDecoder().decode(SignedReport.self, from: data) {
            self = .report(report)
        } else if let answer = try? JSONDecoder().decode(SignedAnswer.self, from: data) {
            self = .answer(answer)
        } else {
            return nil
        }
    }
}

extension Catalogue {
    /// What a verification found, in words: why a document is not valid, or that it is.
    func verdict(_ verification: Verification, _ language: Language) -> String {
        text("verify_reason_" + (verification.reason?.rawValue ?? "valid"), language)
    }
}

import Foundation
import LangNgheCore

/// The JSON body of `POST /api/v1/petitions`. Every member is optional here so that a missing
/// one is reported by validation (422, naming it) rather than by the decoder.
struct PetitionRequest: Decodable {
    struct SubmitterPart: Decodable {
        var type: String?
        var name: String?
        var address: String?
        var phone: String?
        var email: String?
        var organizationName: String?
        var taxCode: String?
    }

    var submitter: SubmitterPart?
    var category: String?
    var field: String?
    var agencyCode: String?
    var title: String?
    var content: String?
    var publishName: Bool?
    /// "email", "sms": how the submitter is told of each step; absent: by e-mail if one is given.
    var notifyBy: [String]?

    var draft: PetitionDraft {
        PetitionDraft(
            submitterKind: submitter?.type, name: submitter?.name, address: submitter?.address,
            phone: submitter?.phone, email: submitter?.email, organizationName: submitter?.organizationName,
            taxCode: submitter?.taxCode, category: category, field: field, agencyCode: agencyCode,
            title: title, content: content, publishName: publishName ?? false, notifyBy: notifyBy)
    }

    /// Decodes the body: malformed JSON is a 400; a member of the wrong type is a 422 that names it.
    static func decode(_ bytes: Data) throws -> PetitionRequest {
        do {
            return try JSONDecoder().decode(PetitionRequest.self, from: bytes)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if path.isEmpty { throw AppError.malformedRequest }
            throw AppError.validation([FieldError(path, .wrongType)])
        } catch {
            throw AppError.malformedRequest
        }
    }
}

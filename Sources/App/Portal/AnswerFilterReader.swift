import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// Reads the published-answer filters from a query string; the same names on pages and API
/// (`agency`, `category`, `field`, `status`, `from`, `to`, `page`). A bad value is named, not ignored.
enum AnswerFilterReader {
    static func read(_ request: Request, pageSize: Int = 20) throws -> AnswerFilter {
        let (filter, errors) = readKeepingErrors(request, pageSize: pageSize)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return filter
    }

    /// The filter without its bad values, and what is wrong with them: a page shows the
    /// answers the rest selects and the problems beside their fields.
    static func readKeepingErrors(_ request: Request, pageSize: Int = 20) -> (AnswerFilter, [FieldError]) {
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        func text(_ name: String) -> String? { query.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        func date(_ name: String) -> CivilDate? {
            guard let value = text(name) else { return nil }
            guard let date = CivilDate(entered: value) else {
                errors.append(FieldError(name, .invalidDate))
                return nil
            }
            return date
        }
        let category = text("category").flatMap { value -> PetitionCategory? in
            guard let category = PetitionCategory(rawValue: value) else {
                errors.append(FieldError("category", .invalidChoice))
                return nil
            }
            return category
        }
        let status = text("status").flatMap { value -> PetitionStatus? in
            guard let status = PetitionStatus(rawValue: value) else {
                errors.append(FieldError("status", .invalidChoice))
                return nil
            }
            return status
        }
        let from = date("from")
        let to = date("to")
        var page = 1
        do { page = try PageNumber(parsing: text("page")).value } catch { errors.append(error) }
        let filter = AnswerFilter(
            agency: text("agency"), category: category, field: text("field"), status: status, from: from, to: to,
            usefulOnly: query.get("useful") == "true", page: page, pageSize: pageSize)
        return (filter, errors)
    }
}

/// A published answer in JSON: public data only.
struct AnswerView: Encodable {
    var trackingCode: String
    var agency: String?
    var category: String
    var field: String?
    var status: String
    var receivedAt: String
    var publishedAt: String
    var title: String
    var content: String
    var answer: String
    var submitterName: String?
    var useful: String?
    /// Who signed it for the agency, and when; the signed document is at `/api/v1/petitions/{code}/answer`.
    var signer: String?
    var signedAt: String?

    init(_ a: PublishedAnswer) {
        trackingCode = a.trackingCode.description
        agency = a.agencyCode
        category = a.category.rawValue
        field = a.fieldCode
        status = a.status.rawValue
        receivedAt = Timestamp.string(a.receivedAt)
        publishedAt = Timestamp.string(a.publishedAt)
        title = a.title
        content = a.content
        answer = a.answer
        submitterName = a.submitterName
        useful = a.useful
        signer = a.signer
        signedAt = a.signedAt.map(Timestamp.string)
    }
}

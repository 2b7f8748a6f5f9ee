import Foundation
import LangNgheCore

/// A `POST requests` form read as a petition draft, so that it goes through the same checks as
/// every other channel.
///
/// - The name is `last_name first_name`: Open311's last name is the family name, which comes
///   first in Vietnamese ("Nguyễn" + "Văn An").
/// - The location rule: Open311 asks for `lat`/`long`, `address_string` or `address_id`; a
///   petition is seldom about a place, so LangNghe asks for `address_string` or
///   `attribute[address]` instead, and takes it as the sender's address (which Decree 92/2017
///   requires). If both are given, `attribute[address]` is the sender's address and
///   `address_string`, the place concerned, is added to the end of the description.
///   `lat`, `long`, `address_id` and `media_url` are accepted and ignored (no remote fetching).
/// - The title is `attribute[title]`, else the service's name: never words of the description,
///   which carry the sender's name, address and phone as often as not.
struct Open311Submission {

    let draft: PetitionDraft
    /// Where each of our field names came from, to name it in errors as the client sent it.
    let names: [String: String]

    /// `untitled` names the service for a submission without `attribute[title]`.
    init(_ form: FormData, placeLabel: String, untitled: (PetitionCategory?) -> String) {
        func value(_ name: String) -> String? {
            guard let text = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        func attribute(_ code: String) -> String? { value("attribute[\(code)]") }

        let place = value("address_string")
        let senderAddress = attribute("address")
        var content = value("description")
        if senderAddress != nil, let place, let text = content {
            content = text + "\n\n" + placeLabel + " " + place
        }
        let name = [value("last_name"), value("first_name")].compactMap { $0 }.joined(separator: " ")
        let title = attribute("title") ?? untitled(value("service_code").flatMap(PetitionCategory.init(rawValue:)))
        draft = PetitionDraft(
            submitterKind: attribute("submitter_type") ?? Submitter.Kind.individual.rawValue,
            name: name, address: senderAddress ?? place, phone: value("phone"), email: value("email"),
            organizationName: attribute("organization_name"), taxCode: attribute("tax_code"),
            category: value("service_code"), field: attribute("field"), agencyCode: attribute("agency"),
            title: title, content: content, publishName: false)
        names = [
            "submitter.type": "attribute[submitter_type]",
            "submitter.name": "first_name",
            "submitter.address": senderAddress != nil ? "attribute[address]" : "address_string",
            "submitter.phone": "phone",
            "submitter.email": "email",
            "submitter.organizationName": "attribute[organization_name]",
            "submitter.taxCode": "attribute[tax_code]",
            "category": "service_code",
            "field": "attribute[field]",
            "agencyCode": "attribute[agency]",
            "title": "attribute[title]",
            "content": "description",
            "attachments": "media",
        ]
    }

    /// The same error, naming the Open311 field.
    func renamed(_ error: FieldError) -> FieldError {
        FieldError(names[error.field] ?? error.field, error.problem)
    }
}

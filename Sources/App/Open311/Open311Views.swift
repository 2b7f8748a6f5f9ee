import Foundation
import LangNgheCore
import LangNgheStorage

/// LangNghe's data in Open311's words. A service is a category of content (conduct,
/// regulation, proposal); a service request is a petition, seen only through its public part:
/// the title, never the content or the sender's details.
struct Open311Views {
    let catalogue: Catalogue
    let language: Language

    func t(_ key: String) -> String { catalogue.text(key, language) }

    /// One entry of `services`: `metadata` is true because every service has the attributes of
    /// `serviceDefinition`; `keywords` are the names of the category's fields.
    func service(_ category: CategoryInfo, fields: [Field]) -> Open311Value {
        let keywords = fields.filter { $0.active && $0.categories.contains(category.code) }.map { $0.name(language) }
        return .object([
            ("service_code", .text(category.code.rawValue)),
            ("service_name", .text(category.name(language))),
            ("description", .text(category.description(language))),
            ("metadata", .boolean(true)),
            ("type", .text("realtime")),
            ("keywords", .text(keywords.joined(separator: ", "))),
            ("group", .text(t("open311_group"))),
        ])
    }

    /// The attributes a client may send as `attribute[code]`, in the specification's shape.
    func serviceDefinition(_ category: CategoryInfo, fields: [Field], agencies: [Agency]) -> Open311Value {
        let fieldValues = fields.filter { $0.active && $0.categories.contains(category.code) }.map { ($0.code, $0.name(language)) }
        let agencyValues = agencies.filter(\.active).map { ($0.code, $0.name(language)) }
        let senderValues = Submitter.Kind.allCases.map { ($0.rawValue, t("sender_" + $0.rawValue)) }
        let attributes: [Open311Value] = [
            attribute("title", order: 1, datatype: "string", description: t("open311_attribute_title")),
            attribute("field", order: 2, datatype: "singlevaluelist", description: t("label_field"), values: fieldValues),
            attribute("agency", order: 3, datatype: "singlevaluelist", description: t("open311_attribute_agency"), values: agencyValues),
            attribute("address", order: 4, datatype: "string", description: t("open311_attribute_address")),
            attribute(
                "submitter_type", order: 5, datatype: "singlevaluelist", description: t("label_submitter_type"), values: senderValues),
            attribute("organization_name", order: 6, datatype: "string", description: t("label_submitter_organizationName")),
            attribute("tax_code", order: 7, datatype: "string", description: t("label_submitter_taxCode")),
        ]
        return .object([("service_code", .text(category.code.rawValue)), ("attributes", .list(item: "attribute", attributes))])
    }

    /// None is required by Open311's rules: the petition's own rules apply when it is filed, and
    /// their errors name the attribute.
    private func attribute(
        _ code: String, order: Int, datatype: String, description: String, values: [(String, String)]? = nil
    ) -> Open311Value {
        var members: [(String, Open311Value)] = [
            ("variable", .boolean(true)), ("code", .text(code)), ("datatype", .text(datatype)), ("required", .boolean(false)),
            ("datatype_description", .text(nil)), ("order", .integer(order)), ("description", .text(description)),
        ]
        if let values {
            members.append(("values", .list(item: "value", values.map { .object([("key", .text($0.0)), ("name", .text($0.1))]) })))
        }
        return .object(members)
    }

    /// One service request. `status` is open until the case is closed or refused;
    /// `agency_responsible` is the lead agency, the Government Office until the case is routed;
    /// `expected_datetime` is the end of the answer deadline while it runs.
    func request(
        _ item: InboxItem, events: [PetitionEvent], category: CategoryInfo?, agency: Agency?, deadline: DeadlineStatus?
    ) -> Open311Value {
        let expected = deadline.flatMap { $0.deadline.isOpen ? Open311Time.string($0.deadline.dueAt) : nil }
        return .object([
            ("service_request_id", .text(item.trackingCode.description)),
            ("status", .text(item.status.isOpen ? "open" : "closed")),
            ("status_notes", .text(statusNotes(events, status: item.status))),
            ("service_name", .text(category?.name(language) ?? item.category.rawValue)),
            ("service_code", .text(item.category.rawValue)),
            // The title from the one published copy (personal data masked); nothing before
            // an answer is published, when the public must not read what the sender wrote.
            ("description", .text(item.title.isEmpty ? nil : item.title)),
            ("agency_responsible", .text(agency?.name(language) ?? item.leadAgencyCode ?? Agency.governmentOfficeCode)),
            ("service_notice", .text(nil)),
            ("requested_datetime", .text(Open311Time.string(item.receivedAt))),
            ("updated_datetime", .text(Open311Time.string(item.updatedAt))),
            ("expected_datetime", .text(expected)),
            // A petition has no place of its own, and the sender's address is never published.
            ("address", .text(nil)), ("address_id", .text(nil)), ("zipcode", .text(nil)),
            ("lat", .text(nil)), ("long", .text(nil)), ("media_url", .text(nil)),
        ])
    }

    /// The published answer if there is one; else the administration's last public word (a
    /// refusal and its reason, a progress note, a decision); else the status in words. Never
    /// what the sender wrote, which may carry personal data.
    func statusNotes(_ events: [PetitionEvent], status: PetitionStatus) -> String {
        let visible = events.filter(\.isPublic)
        if let answer = visible.last(where: { $0.type == .answerPublished && !$0.text.isEmpty }) { return answer.text }
        let official: Set<EventType> = [.rejected, .infoRequested, .progressUpdated, .escalated, .decided, .closed]
        let words = CatalogueWords(catalogue: catalogue, language: language, agencies: [:])
        for event in visible.reversed() where official.contains(event.type) {
            let text = event.body.publicText(words)
            if !text.isEmpty { return text }
        }
        return t("status_" + status.rawValue)
    }
}

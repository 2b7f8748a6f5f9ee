import Foundation
import LangNgheCore
import LangNgheStorage

/// The tracking page: a code's public status and timeline, and with the access key the
/// submitter's own details.
struct TrackingPage {
    struct Timeline {
        let label: String
        let at: String
        /// The same moment for machines (`<time datetime>`), in RFC 3339 UTC.
        let atISO: String
        /// Named apart from the case's own agency: a nil here must not make Mustache climb
        /// to the enclosing case and show its agency instead.
        let eventAgency: String?
        let text: String
    }

    struct Details {
        /// The title as the submitter wrote it (the public sees only the published copy's).
        let yourTitle: String
        let name: String
        let address: String
        let phone: String
        let email: String
        let organizationName: String?
        let taxCode: String?
        let content: String
        let publishName: Bool
        let attachments: [AttachmentItem]
        let accessKey: String
        let hasAttachments: Bool
        /// What the submitter may do now: add information, follow up, rate.
        let canProvideInfo: Bool
        let canFollowUp: Bool
        let canRate: Bool
        var ratings: [Rating]
    }

    struct AttachmentItem {
        let id: Int64
        let fileName: String
        let size: String
    }

    struct Found {
        let trackingCode: String
        /// The title from the one published copy (personal data masked); nil until an answer
        /// is published: before that the public never sees what the submitter wrote.
        let publishedTitle: String?
        let status: String
        let statusKey: String
        let category: String
        let field: String?
        let agency: String
        let receivedAt: String
        let timeline: [Timeline]
        var details: Details?
        var due: String? = nil
        var deadlineBadge = "none"
        var deadlineLabel = ""
    }

    let query: String
    let message: String?
    let petition: Found?
    let keyRejected: Bool
    var notice: String? = nil
    /// The submitter's form that came back with a problem: shown in that form, filled in.
    var attempt: Attempts? = nil
    /// The problem of a form that is no longer offered, and the text it carried.
    var actionError: String? = nil
    var unsentText: String? = nil

    struct Rating {
        let value: Int
        let checked: Bool
    }

    /// What the submitter sent and what is wrong with it, by form.
    struct Attempt {
        let type: EventType
        let content: String
        let comment: String
        let satisfaction: String
        let error: String
    }

    /// The attempt under the name of its form (stored: templates read stored properties).
    struct Attempts {
        let info: Attempt?
        let rating: Attempt?
        let followUp: Attempt?

        init(_ attempt: Attempt) {
            info = attempt.type == .infoProvided ? attempt : nil
            rating = attempt.type == .rated ? attempt : nil
            followUp = attempt.type == .followedUp ? attempt : nil
        }
    }
}

extension TrackingPage.Found {
    init(
        _ p: PetitionRecord, publishedTitle: String?, details: TrackingPage.Details?, catalogue: Catalogue, language: Language,
        agencies: [String: Agency], fields: [String: Field]
    ) {
        func agencyName(_ code: String?) -> String? { code.map { agencies[$0]?.name(language) ?? $0 } }
        let words = CatalogueWords(catalogue: catalogue, language: language, agencies: agencies)
        trackingCode = p.trackingCode.description
        self.publishedTitle = publishedTitle
        status = catalogue.text("status_" + p.status.rawValue, language)
        statusKey = p.status.rawValue
        category = catalogue.text("category_" + p.category.rawValue, language)
        field = p.fieldCode.map { fields[$0]?.name(language) ?? $0 }
        agency = agencyName(p.leadAgencyCode ?? Agency.governmentOfficeCode) ?? ""
        receivedAt = DisplayDate.format(p.receivedAt)
        timeline = p.events.filter(\.isPublic).map {
            TrackingPage.Timeline(
                label: catalogue.text("event_" + $0.type.rawValue, language), at: DisplayDate.format($0.at), atISO: Timestamp.string($0.at),
                eventAgency: agencyName($0.agencyCode),
                text: $0.publicText(words, toSubmitter: details != nil))
        }
        self.details = details
    }
}

extension TrackingPage.Details {
    init(_ p: PetitionRecord, accessKey: String) {
        let allowed = Set(Workflow.allowedEvents(for: .submitter, on: CaseState(events: p.events)))
        let s = p.submitter
        self.init(
            yourTitle: p.title, name: s.name, address: s.address, phone: s.phone, email: s.email, organizationName: s.organizationName,
            taxCode: s.taxCode, content: p.content, publishName: p.publishName,
            attachments: p.attachments.map {
                TrackingPage.AttachmentItem(id: $0.id, fileName: $0.fileName, size: ByteSize.format($0.size))
            }, accessKey: accessKey, hasAttachments: !p.attachments.isEmpty, canProvideInfo: allowed.contains(.infoProvided),
            canFollowUp: allowed.contains(.followedUp),
            canRate: allowed.contains(.rated), ratings: [5, 4, 3, 2, 1].map { TrackingPage.Rating(value: $0, checked: false) })
    }
}

enum ByteSize {
    static func format(_ bytes: Int) -> String {
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return "\(bytes / 1024) kB" }
        return "\(bytes) B"
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// A petition as the API shows it: the public part to anyone, plus the submitter's own details
/// for the holder of the access key. Never the access key's hash, never internal events.
struct PetitionView: Encodable {
    struct EventView: Encodable {
        var type: String
        var at: String
        var agency: String?
        var text: String
        /// For a refusal: its coded reason.
        var reasonCode: String?
    }

    struct SubmitterView: Encodable {
        var type: String
        var name: String
        var address: String
        var phone: String
        var email: String
        var organizationName: String?
        var taxCode: String?
    }

    struct AttachmentView: Encodable {
        var id: Int64
        var fileName: String
        var mediaType: String
        var size: Int
        var sha256: String
    }

    var trackingCode: String
    /// The title from the one published copy (personal data masked); absent until an answer is
    /// published. The submitter's own title is in `submittedTitle`, with the access key.
    var title: String?
    var submittedTitle: String?
    var category: String
    var field: String?
    var agency: String
    var status: String
    var receivedAt: String
    var events: [EventView]
    /// The answer deadline: the last day (`dueDate`) and the instant it ends (`dueAt`); null
    /// once there is none (refused, closed).
    var dueDate: String?
    var dueAt: String?
    var overdue: Bool
    var submitter: SubmitterView?
    var content: String?
    var publishName: Bool?
    var attachments: [AttachmentView]?

    init(_ p: PetitionRecord, publishedTitle: String?, includePrivate: Bool, deadline: DeadlineStatus?, words: CatalogueWords) {
        let open = deadline?.shownDueDate != nil
        dueDate = deadline?.shownDueDate?.iso
        dueAt = open ? deadline.map { Timestamp.string($0.deadline.dueAt) } : nil
        overdue = deadline?.overdue ?? false
        trackingCode = p.trackingCode.description
        title = publishedTitle
        category = p.category.rawValue
        field = p.fieldCode
        // Whoever has the case now: the lead agency once routed, the Government Office before.
        agency = p.leadAgencyCode ?? Agency.governmentOfficeCode
        status = p.status.rawValue
        receivedAt = Timestamp.string(p.receivedAt)
        events = p.events.filter(\.isPublic).map {
            EventView(
                type: $0.type.rawValue, at: Timestamp.string($0.at), agency: $0.agencyCode,
                text: $0.publicText(words, toSubmitter: includePrivate),
                reasonCode: $0.body(Rejected.self)?.reasonCode.rawValue)
        }
        guard includePrivate else { return }
        let s = p.submitter
        submitter = SubmitterView(
            type: s.kind.rawValue, name: s.name, address: s.address, phone: s.phone, email: s.email,
            organizationName: s.organizationName, taxCode: s.taxCode)
        submittedTitle = p.title
        content = p.content
        publishName = p.publishName
        attachments = p.attachments.map {
            AttachmentView(id: $0.id, fileName: $0.fileName, mediaType: $0.mediaType, size: $0.size, sha256: $0.sha256)
        }
    }
}

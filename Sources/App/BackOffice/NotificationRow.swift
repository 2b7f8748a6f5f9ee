import LangNgheCore
import LangNgheStorage

/// A notification as a row of the back office's tables (the case page, the admins' failures),
/// in the reader's language; never an address.
struct NotificationRow {
    let id: Int64
    let trackingCode: String
    /// The step, as the mail's subject says it.
    let kind: String
    let recipient: String
    let channel: String
    let state: String
    /// Nil before the first attempt (Mustache would show a zero).
    let attempts: Int?
    let error: String
    let createdAt: String
    let sentAt: String
    let canRetry: Bool

    init(_ record: NotificationRecord, catalogue: Catalogue, language: Language) {
        id = record.id
        trackingCode = record.trackingCode ?? ""
        kind = NotificationTexts.filled(
            catalogue.text("notice_\(record.kind)_subject", language), ["code": trackingCode, "count": "…"])
        recipient = record.staffName ?? catalogue.text("notifications_submitter", language)
        channel = catalogue.text("notification_channel_" + record.channel, language)
        state = catalogue.text("notification_state_" + record.state.rawValue, language)
        attempts = record.attempts > 0 ? record.attempts : nil
        error = record.lastError ?? ""
        createdAt = DisplayDate.format(record.createdAt)
        sentAt = record.sentAt.map(DisplayDate.format) ?? ""
        canRetry = record.state.needsAttention
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// The words of each notification, in the recipient's language, from the same catalogues as the
/// pages (`notice_*`): a subject, a plain and an HTML body for mail, one short line for SMS.
struct NotificationTexts: Sendable {
    let catalogue: Catalogue
    let baseURL: String
    /// The sender's address (`MAIL_FROM`).
    let from: String
    /// Signs each staff mail's one-click unsubscribe link (nil: the link opens the preferences).
    var unsubscribe: UnsubscribeLink? = nil
    /// The right-hand side of every Message-ID: the site's host.
    var domain: String { URL(string: baseURL)?.host ?? "langnghe.local" }
    /// Longest text of an event quoted in a mail.
    static let quotedLength = 2_000

    func text(_ key: String, _ item: OutboxItem, _ values: [String: String] = [:]) -> String {
        let text = catalogue.text(key, item.language)
        let all = values.merging(
            [
                "code": item.trackingCode?.description ?? "", "name": item.staffName ?? "",
                "due": item.dueDate.flatMap(CivilDate.init(iso:)).map(DisplayDate.format) ?? "",
            ], uniquingKeysWith: { a, _ in a })
        return Self.filled(text, all)
    }

    /// A catalogue text with its `{name}` placeholders replaced.
    static func filled(_ text: String, _ values: [String: String]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// Where the recipient follows the case: the tracking page, or the back office's case page.
    func link(_ item: OutboxItem) -> String {
        guard let code = item.trackingCode else { return baseURL + Site.inbox.path }
        if item.staffName == nil { return baseURL + Site.tracking(code.description) }
        return baseURL + Site.staffCase(.value(code.description)).path
    }

    func subject(_ item: OutboxItem) -> String {
        text("notice_\(item.kind.rawValue)_subject", item, ["count": String(item.digested.count)])
    }

    /// The paragraphs of a mail, in order.
    func paragraphs(_ item: OutboxItem) -> [String] {
        var lines = [text(item.staffName == nil ? "notice_greeting_submitter" : "notice_greeting_staff", item)]
        lines.append(text("notice_\(item.kind.rawValue)_body", item, ["count": String(item.digested.count)]))
        if let quoted = item.eventText?.trimmingCharacters(in: .whitespacesAndNewlines), !quoted.isEmpty {
            lines.append(quoted.count > Self.quotedLength ? String(quoted.prefix(Self.quotedLength)) + "…" : quoted)
        }
        for entry in item.digested {
            lines.append("• " + subject(entry) + " — " + link(entry))
        }
        if item.kind != .digest {
            lines.append(text(item.staffName == nil ? "notice_link_submitter" : "notice_link_staff", item, ["link": link(item)]))
        }
        lines.append(text(item.staffName == nil ? "notice_footer_submitter" : "notice_footer_staff", item, ["link": preferences]))
        return lines
    }

    var preferences: String { baseURL + Site.notificationPreferences.path }

    /// Where a staff account's mail client unsubscribes it in one click.
    func unsubscribeURL(staffID: Int64) -> String {
        guard let unsubscribe else { return preferences }
        return baseURL + Site.unsubscribe(.value(unsubscribe.token(staffID: staffID))).path
    }

    func mail(_ item: OutboxItem, now: Date) -> MailMessage {
        let paragraphs = paragraphs(item)
        let html =
            "<!doctype html><html lang=\"\(item.language.rawValue)\"><meta charset=\"utf-8\"><body>"
            + paragraphs.map { "<p>" + XMLText.escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined()
            + "</body></html>"
        return MailMessage(
            messageID: item.messageID + "@" + domain, from: from, fromName: catalogue.text("site_name", item.language),
            to: item.address, subject: subject(item), text: paragraphs.joined(separator: "\n\n") + "\n", html: html,
            // A case's steps are what the submitter asked for; staff may turn theirs off.
            unsubscribe: item.staffID.map(unsubscribeURL), date: now)
    }

    /// One SMS: the subject and the link, in one segment where the gateway takes GSM-7.
    func sms(_ item: OutboxItem, gsm7: Bool) -> String {
        let line = text("notice_sms", item, ["subject": subject(item), "link": link(item)])
        return gsm7 ? SMSText.gsm7(line) : line
    }
}

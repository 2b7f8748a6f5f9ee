import Configuration
import Foundation
import LangNgheCore

/// How notifications leave the server (issue 14 §2–3), read with the other settings.
///
/// `SMTP_URL` (`smtp://user:password@host:587`, `smtps://…:465`, see `SMTPServer`); without it
/// mail is written to `LANGNGHE_MAIL_FOLDER` (default `data/mail`), and production refuses to
/// start unless one of the two is set. `MAIL_FROM` is the sender (default `no-reply@` the host
/// of `BASE_URL`). SMS: `SMS_GATEWAY_URL`, `SMS_GATEWAY_TOKEN`, `SMS_GATEWAY_TEMPLATE` (JSON with
/// `{{to}}`, `{{text}}`, `{{id}}`), `SMS_GATEWAY_GSM7` (true: Vietnamese without diacritics);
/// without a URL, SMS go to the log and to `sms.log` in the mail folder.
/// `LANGNGHE_NOTIFICATION_INTERVAL`: seconds between the delivery worker's rounds when idle
/// (0: no worker; `jobs run-once` delivers). `LANGNGHE_NOTIFICATION_LEASE`: seconds a worker
/// holds what it took before another instance may take it over (a worker that died).
struct NotificationSettings: Sendable {
    enum SMS: Sendable {
        case log
        case http(url: String, token: String?, template: String, gsm7: Bool)
    }

    var smtp: SMTPServer?
    var mailFolder = "data/mail"
    var from = "no-reply@localhost"
    var sms = SMS.log
    var interval: Duration?
    var lease: TimeInterval = 600

    static func read(
        _ reader: ConfigReader, environment: Settings.Environment, baseURL: String, problems: inout [String]
    ) -> NotificationSettings {
        var settings = NotificationSettings()
        if let url = reader.string(forKey: "smtp.url", isSecret: true), !url.isEmpty {
            do {
                settings.smtp = try SMTPServer(url: url)
            } catch {
                problems.append("SMTP_URL: \(error.description)")
            }
        }
        let folder = reader.string(forKey: "langnghe.mail.folder")
        if let folder, !folder.isEmpty { settings.mailFolder = folder }
        if environment == .production, settings.smtp == nil, folder == nil {
            problems.append("SMTP_URL: must be set in production (or LANGNGHE_MAIL_FOLDER, to keep mail in a folder)")
        }
        if let from = reader.string(forKey: "mail.from") {
            if !PetitionDraft.isEmail(from) { problems.append("MAIL_FROM: '\(from)' is not an e-mail address") }
            settings.from = from
        } else {
            settings.from = "no-reply@" + (URL(string: baseURL)?.host ?? "localhost")
        }

        if let url = reader.string(forKey: "sms.gateway.url"), !url.isEmpty {
            if URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                problems.append("SMS_GATEWAY_URL: must be an http:// or https:// address")
            }
            let template = reader.string(forKey: "sms.gateway.template", default: HTTPSMSGateway.defaultTemplate)
            let sample = HTTPSMSGateway(url: url, token: nil, template: template, gsm7: true).body(to: "0912345678", text: "x", id: "1")
            if !template.contains("{{text}}") || (try? JSONSerialization.jsonObject(with: Data(sample.utf8))) == nil {
                problems.append("SMS_GATEWAY_TEMPLATE: must be JSON with {{to}} and {{text}} where the values go")
            }
            let gsm7 = reader.string(forKey: "sms.gateway.gsm7", default: "true").lowercased()
            if !["true", "false", "1", "0", "yes", "no"].contains(gsm7) {
                problems.append("SMS_GATEWAY_GSM7: '\(gsm7)' is not true or false")
            }
            settings.sms = .http(
                url: url, token: reader.string(forKey: "sms.gateway.token", isSecret: true), template: template,
                gsm7: ["true", "1", "yes"].contains(gsm7))
        }

        let intervalText = reader.string(forKey: "langnghe.notification.interval", default: environment == .testing ? "0" : "2")
        if let seconds = Int(intervalText), (0...3600).contains(seconds) {
            settings.interval = seconds > 0 ? .seconds(seconds) : nil
        } else {
            problems.append("LANGNGHE_NOTIFICATION_INTERVAL: '\(intervalText)' is not a number of seconds from 0 to 3600")
        }
        // Longer than a batch can take (50 messages over one SMTP connection, each with a time
        // limit), or a slow batch would be taken over and its messages left unconfirmed.
        let leaseText = reader.string(forKey: "langnghe.notification.lease", default: "600")
        if let seconds = Int(leaseText), (60...86_400).contains(seconds) {
            settings.lease = TimeInterval(seconds)
        } else {
            problems.append("LANGNGHE_NOTIFICATION_LEASE: '\(leaseText)' is not a number of seconds from 60 to 86400")
        }
        return settings
    }
}

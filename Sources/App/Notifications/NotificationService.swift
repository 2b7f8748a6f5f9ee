import Foundation
import LangNgheStorage
import Logging
import ServiceLifecycle

/// Runs the delivery worker inside the server until shutdown: another round at once while there
/// is more to send, otherwise after `interval`.
struct NotificationService: Service {
    let delivery: NotificationDelivery
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var busy = false
            do {
                busy = try await delivery.runOnce(logger: logger).taken >= delivery.batchSize
            } catch {
                logger.error("notification delivery failed", metadata: ["error": "\(error)"])
            }
            if !busy { try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } }
        }
    }
}

extension NotificationDelivery {
    /// The worker the settings describe: SMTP or the mail folder, the HTTP gateway or the log.
    init(settings: Settings, store: Store, catalogue: Catalogue, environment: AppEnvironment, holder: String, logger: Logger) {
        let notifications = settings.notifications
        let mail: any MailTransport =
            if let smtp = notifications.smtp {
                SMTPMailer(server: smtp, heloName: URL(string: settings.baseURL)?.host ?? "localhost")
            } else {
                FolderMailer(folder: notifications.mailFolder)
            }
        let sms: any SMSGateway =
            switch notifications.sms {
            case .log: LogSMSGateway(folder: notifications.mailFolder, logger: logger)
            case .http(let url, let token, let template, let gsm7): HTTPSMSGateway(url: url, token: token, template: template, gsm7: gsm7)
            }
        self.init(
            store: store,
            texts: NotificationTexts(
                catalogue: catalogue, baseURL: settings.baseURL, from: notifications.from,
                unsubscribe: UnsubscribeLink(secret: settings.secret)), mail: mail,
            sms: sms, environment: environment, holder: holder)
        lease = notifications.lease
    }
}

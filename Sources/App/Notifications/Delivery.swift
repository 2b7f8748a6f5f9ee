import LangNgheCore

/// What became of one message handed to a transport.
enum DeliveryResult: Sendable, Equatable {
    case sent
    /// Not sent: the worker no longer held it when it was about to commit it.
    case abandoned
    /// Refused or not reachable; `permanent` when trying again cannot help (an unknown mailbox).
    case failed(String, permanent: Bool)
}

/// Sends e-mail. `commit(i)` is called just before message `i` becomes final (SMTP's closing
/// dot, a file's rename), and the message is dropped if it returns false: a notification is
/// marked `sending` there, so that a crash after it is never followed by a second copy.
protocol MailTransport: Sendable {
    func deliver(_ messages: [MailMessage], commit: @Sendable (Int) async throws -> Bool) async -> [DeliveryResult]
}

/// Sends SMS, with the same commit point as mail.
protocol SMSGateway: Sendable {
    /// Whether the gateway wants GSM-7 text (Vietnamese without diacritics).
    var gsm7: Bool { get }
    func send(to phone: String, text: String, id: String, commit: @Sendable () async throws -> Bool) async -> DeliveryResult
}

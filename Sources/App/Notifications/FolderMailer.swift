import Foundation
import LangNgheCore

/// Development mail: each message a `.eml` file in a folder (README: `data/mail/`), so that a
/// person can open it in a mail reader. Written under a temporary name and renamed at the
/// commit point, so a file present is a message sent.
struct FolderMailer: MailTransport {
    let folder: String

    func deliver(_ messages: [MailMessage], commit: @Sendable (Int) async throws -> Bool) async -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return messages.map { _ in .failed("\(error)", permanent: false) }
        }
        for (index, message) in messages.enumerated() {
            let name = "\(Self.safe(message.date))-\(Self.safe(message.messageID)).eml"
            let final = URL(fileURLWithPath: folder).appendingPathComponent(name)
            let temporary = URL(fileURLWithPath: folder).appendingPathComponent("." + name + ".tmp")
            do {
                try Data(message.rendered().utf8).write(to: temporary)
                guard try await commit(index) else {
                    try? FileManager.default.removeItem(at: temporary)
                    results.append(.abandoned)
                    continue
                }
                try? FileManager.default.removeItem(at: final)
                try FileManager.default.moveItem(at: temporary, to: final)
                results.append(.sent)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                results.append(.failed("\(error)", permanent: false))
            }
        }
        return results
    }

    static func safe(_ date: Date) -> String { Timestamp.string(date).filter { $0.isNumber } }
    static func safe(_ text: String) -> String { String(text.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(80)) }
}

import ArgumentParser
import Foundation
import LangNgheStorage

/// `langnghe data-key rewrap`: rotates the master key. The data key that seals the submitters'
/// personal data is opened with `LANGNGHE_DATA_KEY` and sealed again under
/// `LANGNGHE_NEW_DATA_KEY`, both read from the environment (never from arguments, which other
/// users of the machine can see). One row changes, whatever the size of the database; restart
/// the servers with the new key as `LANGNGHE_DATA_KEY` afterwards.
struct DataKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data-key", abstract: "Khoá dữ liệu cá nhân / the key that seals personal data.", subcommands: [Rewrap.self])

    struct Rewrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rewrap",
            abstract: "Bọc lại khoá dữ liệu bằng LANGNGHE_NEW_DATA_KEY / re-wrap the data key under LANGNGHE_NEW_DATA_KEY.")

        func run() async throws {
            let settings = try StartUp.settings()
            let newSecret = ProcessInfo.processInfo.environment["LANGNGHE_NEW_DATA_KEY"] ?? ""
            guard newSecret.utf8.count >= 32 else {
                throw ValidationError("LANGNGHE_NEW_DATA_KEY: must be set, at least 32 characters (khoá mới phải có ít nhất 32 ký tự)")
            }
            guard newSecret != settings.dataKey else {
                throw ValidationError("LANGNGHE_NEW_DATA_KEY: must differ from LANGNGHE_DATA_KEY (khoá mới phải khác khoá cũ)")
            }
            try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                try await store.rewrapDataKey(to: MasterKey(secret: newSecret))
            }
            print("The data key is now wrapped under LANGNGHE_NEW_DATA_KEY: restart the servers with it as LANGNGHE_DATA_KEY.")
        }
    }
}

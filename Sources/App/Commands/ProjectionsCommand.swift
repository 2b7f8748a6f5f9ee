import ArgumentParser
import Foundation
import LangNgheStorage

/// `langnghe projections rebuild`: recomputes every read model (case rows, agencies, observers,
/// open clocks, the published copies) from the events alone. Safe beside running servers: each
/// page of cases is rewritten in one transaction, as an event would rewrite it.
struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections", abstract: "Mô hình đọc / read models kept beside the events.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild", abstract: "Tính lại mọi mô hình đọc từ sự kiện / recompute every read model from the events.")

        func run() async throws {
            let settings = try StartUp.settings()
            let logger = StartUp.logger()
            try await StartUp.withPreparedStore(settings, logger: logger) { store in
                let started = Date()
                let cases = try await store.rebuildProjections()
                print("Rebuilt the read models of \(cases) cases in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
            }
        }
    }
}

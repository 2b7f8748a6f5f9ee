import ArgumentParser
import Hummingbird
import LangNgheStorage

/// `langnghe serve`: migrates, loads demo data on the first development run, and serves.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Chạy máy chủ web / run the web server.")

    @Option(help: "Địa chỉ lắng nghe / address to listen on (default 127.0.0.1, or LANGNGHE_HOSTNAME).")
    var hostname: String?

    @Option(help: "Cổng / port (default 8080, or LANGNGHE_PORT).")
    var port: Int?

    func run() async throws {
        let settings = try StartUp.settings(hostname: hostname, port: port)
        let logger = StartUp.logger()
        try await StartUp.withPreparedStore(settings, logger: logger) { store in
            switch settings.environment {
            case .development:
                if try await store.petitionCount() == 0 {
                    print("Lần chạy đầu: đang nạp dữ liệu mẫu / first run: loading demo data…")
                    try await DemoSeeder(
                        store: store, count: DemoSeeder.defaultCount, seed: 2026, progress: .terminal, passphrase: settings.caPassphrase
                    ).run()
                }
            case .production:
                if try await store.hasDemoAccounts() {
                    throw ValidationError("production refuses to start while demo accounts (demo-*) are active; disable them first")
                }
            case .testing:
                break
            }
            let app = try await buildApplication(settings: settings, store: store, logger: logger)
            try await app.runService()
        }
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Cập nhật cơ sở dữ liệu và dữ liệu danh mục / migrate and load reference data.")

    func run() async throws {
        let settings = try StartUp.settings()
        try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
            print("OK: \(store.dialect.rawValue)")
        }
    }
}

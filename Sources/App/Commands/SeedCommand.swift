import ArgumentParser

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Nạp dữ liệu / load data.", subcommands: [Demo.self])

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Nạp PAKN mẫu trong hai năm qua / load realistic demo petitions over the last two years.")

        @Option(help: "Số PAKN / how many petitions.")
        var count: Int = DemoSeeder.defaultCount

        @Option(help: "Hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu / random seed: the same seed gives the same data.")
        var seed: UInt64 = 2026

        func validate() throws {
            guard (1...5_000_000).contains(count) else { throw ValidationError("--count must be between 1 and 5000000") }
        }

        func run() async throws {
            let settings = try StartUp.settings()
            guard settings.environment != .production else {
                throw ValidationError("demo data is never loaded in production (LANGNGHE_ENV=production)")
            }
            try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                try await DemoSeeder(store: store, count: count, seed: seed, progress: .terminal, passphrase: settings.caPassphrase).run()
            }
        }
    }
}

import ArgumentParser

/// `langnghe`: one binary for the server and every job. With no arguments it serves.
public struct LangNgheCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "langnghe",
        abstract: "LangNghe — tiếp nhận, xử lý, trả lời phản ánh, kiến nghị (PAKN).",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedCommand.self, UserCommand.self, JobsCommand.self, ProjectionsCommand.self,
            DataKeyCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, VerifyCommand.self, ReportCommand.self,
            AssistCommand.self,
        ],
        defaultSubcommand: ServeCommand.self)

    public init() {}
}

extension LangNgheCommand {
    /// The binary's entry point: parses the arguments and runs the chosen command (the
    /// library cannot carry `@main`, so the executable calls this).
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

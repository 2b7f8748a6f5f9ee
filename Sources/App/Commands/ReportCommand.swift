import ArgumentParser
import Foundation
import LangNgheCore
import LangNgheStorage
import Mustache

/// `langnghe report quarterly 2026-Q3 …` and `langnghe report period --from … --to …`: a report
/// computed from a signed tree head, written as HTML, CSV (a ZIP) or JSON (issue 13).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Báo cáo định kỳ / period reports.",
        subcommands: [Quarterly.self, Period.self])

    /// What both subcommands take besides the period.
    struct Options: ParsableArguments {
        @Option(help: "Một cơ quan / one agency's report (its code); the whole system otherwise.")
        var agency: String?
        @Option(help: "html, csv (a ZIP of the tables) or json.")
        var format: String = "html"
        @Option(help: "The file to write; standard output otherwise (not for csv).")
        var out: String?
        @Flag(help: "The public version: no free texts of proposals, decisions or results.")
        var `public` = false
        @Option(help: "Recompute from the signed tree head of this size (the report's parameters.head.size).")
        var head: Int?
        @Flag(help: "Sign with the Government Office's key (needs LANGNGHE_CA_PASSPHRASE outside development).")
        var sign = false
        @Option(help: "vi or en (the HTML's language; the data and summary stay Vietnamese).")
        var language: String = "vi"
        @Flag(help: "Replay every case's events instead of reading the sums kept beside them (slower; the same bytes: an auditor's check).")
        var fromEvents = false

        func run(_ period: ReportPeriod) async throws {
            guard let format = ReportFormat(rawValue: format) else {
                throw ValidationError("--format: html, csv hoặc json / html, csv or json")
            }
            guard let language = Language(rawValue: language) else { throw ValidationError("--language: vi hoặc en / vi or en") }
            if format == .csv && out == nil { throw ValidationError("--out: bắt buộc với csv / required for csv (a ZIP file)") }
            let settings = try StartUp.settings()
            let showProgress = out != nil && isatty(STDOUT_FILENO) == 1
            let bytes = try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                try await produce(period, store: store, settings: settings, format: format, language: language, showProgress: showProgress)
            }
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                    throw ValidationError("--out: cannot write \(out)")
                }
                print("\(out): \(bytes.count) bytes")
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }

        private func produce(
            _ period: ReportPeriod, store: Store, settings: Settings, format: ReportFormat, language: Language, showProgress: Bool
        ) async throws -> [UInt8] {
            let service = ReportService(store: store)
            let audience: ReportAudience = self.public ? ReportAudience.public : ReportAudience.internal
            let progress: (@Sendable (Int, Int) -> Void)? =
                showProgress ? { @Sendable done, total in ProgressBar(total: total, enabled: true).update(done) } : nil
            let report: PeriodReport
            do {
                report = try await service.generate(
                    period, agency: agency, audience: audience, headSize: head, now: Date(), fromEvents: fromEvents, progress: progress)
            } catch let problem as ReportService.Problem {
                throw ValidationError(problem.message)
            }
            if showProgress { print("") }
            let signed = sign ? try await service.sign(report, passphrase: settings.caPassphrase, now: Date()) : nil
            let names = Dictionary(
                uniqueKeysWithValues: try await store.agencies().map { ($0.code, language == .vi ? $0.nameVi : $0.nameEn) })
            let renderer = ReportRenderer(
                catalogue: try Catalogue.bundled(), library: try await MustacheLibrary.bundled())
            return try renderer.render(
                report, signed: signed, format: format, language: language, agencyNames: names,
                verifyURL: settings.baseURL + Site.verify.path)
        }
    }

    struct Quarterly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Báo cáo quý hoặc 6 tháng / a quarter (2026-Q3) or a half-year (2026-H1).")
        @Argument(help: "2026-Q3, or 2026-H1 for a half-year.")
        var period: String
        @OptionGroup var options: Options

        func run() async throws {
            guard let period = ReportPeriod(period) else {
                throw ValidationError("PERIOD: dạng 2026-Q3 hoặc 2026-H1 / like 2026-Q3 or 2026-H1")
            }
            try await options.run(period)
        }
    }

    struct Period: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Báo cáo một khoảng ngày / any days, both ends included.")
        @Option(help: "The first day, 2026-07-01.")
        var from: String
        @Option(help: "The last day, 2026-08-15.")
        var to: String
        @OptionGroup var options: Options

        func run() async throws {
            guard let first = CivilDate(iso: from) else { throw ValidationError("--from: ngày dạng 2026-07-01 / a date like 2026-07-01") }
            guard let last = CivilDate(iso: to) else { throw ValidationError("--to: ngày dạng 2026-08-15 / a date like 2026-08-15") }
            guard let period = ReportPeriod(from: first, to: last) else {
                throw ValidationError("--to: phải sau --from, tối đa 10 năm / must not come before --from, at most ten years")
            }
            try await options.run(period)
        }
    }
}

extension ReportService.Problem {
    /// The problem in Vietnamese and English, naming the field.
    var message: String {
        switch self {
        case .periodNotOver(let field, let endsOn):
            "\(field): kỳ báo cáo chưa kết thúc (đến hết \(endsOn.iso)) / the period has not ended (it ends on \(endsOn.iso))"
        case .unknownAgency(let field): "\(field): không có cơ quan này / no such agency"
        case .unknownHead(let field): "\(field): không có cây nhật ký đã ký với kích thước này / no signed tree head of that size"
        }
    }
}

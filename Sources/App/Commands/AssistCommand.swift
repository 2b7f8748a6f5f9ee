import ArgumentParser
import Foundation
import LangNgheCore
import LangNgheStorage

/// `langnghe assist train|evaluate`: the routing model and the measures of the assistant.
struct AssistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assist", abstract: "Trợ lý: gợi ý chuyển xử lý, phát hiện trùng lặp / the assistant: routing and duplicates.",
        subcommands: [Train.self, Evaluate.self])

    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train", abstract: "Học từ các vụ việc đã xử lý / learn from the handled cases.")

        func run() async throws {
            let settings = try StartUp.settings()
            try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                let summary = try await AssistTraining.train(store, now: Date())
                print(
                    "Trained on \(summary.cases) handled cases (\(summary.agencies) agencies, \(summary.fields) fields) in "
                        + String(format: "%.1f s.", summary.seconds))
            }
        }
    }

    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Đo độ chính xác của gợi ý và phát hiện trùng lặp / measure routing and duplicate detection.")

        @Option(help: "Phần vụ việc mới nhất dùng để kiểm tra / the share of the newest cases held out for testing.")
        var testShare = 0.2

        func validate() throws {
            guard testShare > 0, testShare < 1 else {
                throw ValidationError("--test-share: phải trong khoảng (0, 1) / must be between 0 and 1")
            }
        }

        func run() async throws {
            let settings = try StartUp.settings()
            try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                let examples = try await AssistTraining.examples(store)
                let routing = AssistEvaluation.routing(examples, testShare: testShare)
                print(
                    "Routing, held out by time: trained on the older \(routing.trained) cases, tested on the newer \(routing.agency.cases)."
                )
                print(Self.line("agency", routing.agency))
                print(Self.line("field", routing.field))
                let production = try await store.routingOutcomes()
                if production.suggested > 0 {
                    print(
                        "In production: \(production.suggested) routings offered a suggestion, \(production.matched) chose it "
                            + String(format: "(%.1f %%).", 100 * Double(production.matched) / Double(production.suggested)))
                }
                let pairs = try DuplicatePairs.bundled().labelled
                let weights = DuplicatePairs.weights(for: pairs, with: examples.map(\.terms))
                print("Duplicates, \(pairs.count) labelled pairs (\(pairs.filter(\.duplicate).count) duplicates):")
                for threshold in [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] {
                    let d = AssistEvaluation.duplicates(pairs, weights: weights, threshold: threshold)
                    print(
                        String(
                            format:
                                "  threshold %.2f%@: precision %.3f, recall %.3f (%d found, %d wrongly, %d missed, %d of them by the bands)",
                            threshold, threshold == Likeness.duplicate ? " (used)" : "", d.precision, d.recall, d.truePositives,
                            d.falsePositives, d.falseNegatives, d.missedByBands))
                }
            }
        }

        static func line(_ name: String, _ accuracy: AssistEvaluation.Accuracy) -> String {
            String(
                format: "  %@: top-1 %.1f %%, top-3 %.1f %% of %d", name, 100 * accuracy.top1Share, 100 * accuracy.top3Share, accuracy.cases
            )
        }
    }
}

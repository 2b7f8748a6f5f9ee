import Foundation
import LangNgheCore
import LangNgheStorage

/// Training the assistant on the handled cases, for the job, `langnghe assist train` and the
/// benchmark.
public enum AssistTraining {
    /// The newest handled cases learned from. Routing follows the organisation of the
    /// Government, which changes (the 2025 mergers moved transport to Construction, labour to
    /// Home Affairs…): the recent past teaches the present better than a decade does, and the
    /// cap keeps training under a minute at any size.
    public static let window = 200_000
    /// Cases read per query.
    static let page = 5_000

    public struct Summary: Sendable {
        public let cases: Int
        public let agencies: Int
        public let fields: Int
        public let seconds: Double
    }

    /// Trains on the newest `window` handled cases and stores the model for every instance.
    @discardableResult
    public static func train(_ store: Store, now: Date, window: Int = window) async throws -> Summary {
        let started = Date()
        var trainer = AssistModel.Trainer()
        try await forEachCase(store, window: window) { trainer.add(TermBag(folded: $0.folded), agency: $0.agencyCode, field: $0.fieldCode) }
        let model = trainer.finish()
        try await store.saveAssistModel(model.bytes, cases: trainer.cases, at: now)
        return Summary(
            cases: trainer.cases, agencies: model.agency.labels.count, fields: model.field.labels.count,
            seconds: Date().timeIntervalSince(started))
    }

    /// The examples for evaluation: the same window as training.
    static func examples(_ store: Store, window: Int = window) async throws -> [AssistEvaluation.Example] {
        var examples: [AssistEvaluation.Example] = []
        try await forEachCase(store, window: window) {
            examples.append(.init(terms: TermBag(folded: $0.folded), agency: $0.agencyCode, field: $0.fieldCode, receivedAt: $0.receivedAt))
        }
        return examples
    }

    private static func forEachCase(_ store: Store, window: Int, _ body: (TrainingCase) -> Void) async throws {
        var after = try await store.trainingStart(newest: window)
        while true {
            let cases = try await store.trainingCases(after: after, limit: page)
            guard let last = cases.last else { return }
            cases.forEach(body)
            after = last.id
        }
    }
}

/// The labelled pairs of petitions that duplicate detection is measured on
/// (`Resources/Assist/duplicate-pairs.json`): reworded petitions on one matter, and different
/// matters of one field, written for the tests.
struct DuplicatePairs: Decodable {
    struct Text: Decodable {
        let title: String
        let content: String
    }

    struct Pair: Decodable {
        let id: Int
        let topic: String
        let duplicate: Bool
        let a: Text
        let b: Text
    }

    let pairs: [Pair]

    static func bundled() throws -> DuplicatePairs {
        try JSONDecoder().decode(DuplicatePairs.self, from: AppResources.data("Assist/duplicate-pairs.json"))
    }

    /// The weights the pairs are compared with: the document frequencies of the cases given and of
    /// the pairs' own texts (unlabelled: the weights never see which pairs are duplicates).
    static func weights(for pairs: [AssistEvaluation.Pair], with cases: [TermBag] = []) -> TermWeights {
        var counter = TermWeights.Counter()
        for terms in cases { counter.add(terms) }
        for pair in pairs {
            counter.add(TermBag(text: pair.a))
            counter.add(TermBag(text: pair.b))
        }
        return counter.finish()
    }

    var labelled: [AssistEvaluation.Pair] {
        pairs.map { .init(a: $0.a.title + " " + $0.a.content, b: $0.b.title + " " + $0.b.content, duplicate: $0.duplicate) }
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage
import Synchronization

/// A published answer that may answer a text: masked, as the public sees it.
struct SimilarAnswer: Sendable {
    let code: TrackingCode
    let agencyCode: String
    let title: String
    let answer: String
    let score: Double
}

/// The assistant's answers for the web pages and the API: similar cases and answers, routing
/// suggestions. It reads the trained model from the database and keeps it in memory, looking
/// once a minute whether a newer one was trained (by this instance's job, another instance or
/// `langnghe assist train`).
final class AssistService: Sendable {
    let store: Store
    let now: @Sendable () -> Date
    private let loaded = Mutex<Loaded>(Loaded())

    private struct Loaded {
        var model = AssistModel.empty
        var trainedAt: Date?
        var checkedAt: Date?
    }

    static let recheck: TimeInterval = 60
    /// The longest text compared: a petition's title and content fit; more says nothing new and
    /// costs time in proportion.
    static let maximumText = 20_000

    init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// The current model, read again when a newer one is stored.
    func model() async throws -> AssistModel {
        let at = now()
        let current = loaded.withLock { $0 }
        if let checked = current.checkedAt, at.timeIntervalSince(checked) < Self.recheck, at >= checked { return current.model }
        let stored = try await store.assistModelTrainedAt()
        guard stored != current.trainedAt, let fresh = try await store.assistModel() else {
            loaded.withLock { $0.checkedAt = at }
            return current.model
        }
        let model = (try? AssistModel(bytes: fresh.bytes)) ?? .empty
        loaded.withLock { $0 = Loaded(model: model, trainedAt: fresh.trainedAt, checkedAt: at) }
        return model
    }

    /// Forgets the model in memory: the next request reads the stored one (after training here).
    func reload() { loaded.withLock { $0 = Loaded() } }

    /// Cases like the case `code`, best first: duplicates, repeated complaints and the merely
    /// similar. Those the principal may not see are left out (`Store.caseCandidates`).
    func similarCases(to code: TrackingCode, for staff: StaffIdentity, limit: Int = 10) async throws -> [SimilarCase] {
        guard let probe = try await store.similarityProbe(code) else { return [] }
        let weights = try await model().weights
        let terms = TermBag(folded: probe.folded)
        let vector = weights.vector(terms)
        let candidates = try await store.caseCandidates(
            bands: MinHash(terms).bandKeys, submitterKeys: probe.submitterKeys, excluding: probe.petitionID,
            visibleTo: staff.isCoordinator ? nil : (staff.handlesCases ? staff.agencyCode : ""))
        let judged = candidates.compactMap { candidate in
            SimilarCase.judge(
                code: candidate.code, title: candidate.title,
                score: TermWeights.cosine(vector, weights.vector(TermBag(folded: candidate.folded))), status: candidate.status,
                sameSubmitter: candidate.sameSubmitter, answered: candidate.answered)
        }
        return Array(judged.sorted { ($0.repeatedComplaint ? 1 : 0, $0.score) > ($1.repeatedComplaint ? 1 : 0, $1.score) }.prefix(limit))
    }

    /// Published answers to questions like `text`, best first.
    func similarAnswers(to text: String, limit: Int = 5) async throws -> [SimilarAnswer] {
        let weights = try await model().weights
        let terms = TermBag(text: String(text.prefix(Self.maximumText)))
        guard !terms.isEmpty else { return [] }
        let vector = weights.vector(terms)
        let candidates = try await store.answerCandidates(bands: MinHash(terms).bandKeys)
        return Array(
            candidates.compactMap { candidate -> SimilarAnswer? in
                let score = TermWeights.cosine(vector, weights.vector(TermBag(text: candidate.title + " " + candidate.content)))
                guard score >= Likeness.worthShowing else { return nil }
                return SimilarAnswer(
                    code: candidate.code, agencyCode: candidate.agencyCode, title: candidate.title, answer: candidate.answer, score: score)
            }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.code.description > $1.code.description) }.prefix(limit))
    }

    /// Where the model would route a petition of this title and content; nil before any training.
    func suggestRouting(title: String, content: String) async throws -> RoutingSuggestion? {
        let model = try await model()
        guard !model.agency.labels.isEmpty else { return nil }
        return model.suggest(TermBag(text: String((title + " " + content).prefix(Self.maximumText))))
    }
}

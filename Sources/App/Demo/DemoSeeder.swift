import Foundation
import LangNgheCore
import LangNgheStorage

/// Fills a database with realistic Vietnamese petitions over the two years before `until`,
/// across all agencies, categories and fields, at every stage of handling, plus demo staff
/// accounts. The same seed, count and end date always give the same data.
public struct DemoSeeder {
    static let defaultCount = 1000
    /// Cases per transaction on the bulk path.
    static let batchSize = 250
    /// The demo accounts' password, published in the README; production refuses demo accounts.
    public static let demoPassword = "langnghe-demo-2026"

    public enum Progress: Sendable { case terminal, silent }

    let store: Store
    let count: Int
    let seed: UInt64
    var progress: Progress = .silent
    var until = Date()
    /// With it, each agency gets its certificate and every demo approval is signed, so that the
    /// demo's answers verify; without it (tests comparing seeds), approvals are unsigned.
    var passphrase: CAPassphrase?

    public init(
        store: Store, count: Int, seed: UInt64, progress: Progress = .silent, until: Date = Date(), passphrase: CAPassphrase? = nil
    ) {
        self.passphrase = passphrase
        self.store = store
        self.count = count
        self.seed = seed
        self.progress = progress
        self.until = until
    }

    public func run() async throws {
        let corpus = try DemoCorpus.bundled()
        let catalogue = try Catalogue.bundled()
        let mask = { (kind: PersonalDataFinding.Kind) in catalogue.text("mask_" + kind.code, .vi) }
        let agencies = try await store.agencies().filter { $0.active && $0.code != Agency.governmentOfficeCode }
        let staff = try await demoAccounts()
        let span = 2 * 365 * 86_400.0
        var signers: [String: DemoSigner] = [:]
        if let passphrase {
            // Certificates from before the first demo case, as if the agencies had them all along.
            for agency in agencies {
                signers[agency.code] = DemoSigner(
                    identity: try await store.signingIdentity(agency: agency.code, passphrase: passphrase, now: until - span - 86_400),
                    agency: .init(code: agency.code, name: agency.nameVi))
            }
        }
        // The codes the store will give, known beforehand because a signed answer names its code.
        var numbers = try await store.lastTrackingNumbers()
        var random = SeededRandom(seed: seed)
        // Sorted times, so that tracking numbers grow with the date of receipt.
        let times = (0..<count).map { _ in Double.random(in: 0..<span, using: &random) }.sorted()
        let bar = ProgressBar(total: count, enabled: progress == .terminal && isatty(STDOUT_FILENO) == 1)
        // The bulk path: a few hundred cases per transaction, each case's read models written once.
        // A batch is written while the next is made up and prepared (`PreparedCase`), on the
        // other core; one at a time, in order, so that tracking numbers follow the date of receipt.
        var batch: [(intake: Intake, history: [PetitionEvent])] = []
        var expected: [TrackingCode] = []
        var writing: Task<Void, any Error>?
        // However the loop ends, the batch being written is waited for (and cancelled on an
        // error), so that no write outlives the seeding.
        do {
            for (index, offset) in times.enumerated() {
                let receivedAt = until.addingTimeInterval(offset - span)
                let template = random.pick(corpus.templates)
                let petition = DemoPetition(corpus: corpus, template: template, agencies: agencies, random: &random)
                let intake = Intake(
                    petition: petition.valid, channel: random.chance(0.85) ? .web : random.pick([.api, .paper, .email, .phone]),
                    accessKeyHash: AccessKey.hash(String(random.next(), radix: 32)), receivedAt: receivedAt)
                let subject = PersonalDataSubject(
                    name: petition.valid.submitter.name, address: petition.valid.submitter.address, phone: petition.valid.submitter.phone,
                    email: petition.valid.submitter.email, nameMayBePublished: petition.valid.publishName)
                let year = Store.vietnamYear(receivedAt)
                numbers[year, default: 0] += 1
                let code = TrackingCode(year: year, number: numbers[year] ?? 0)
                expected.append(code)
                let history = DemoHistory(
                    receivedAt: receivedAt, until: until, lead: petition.lead, answer: petition.answer, staff: staff,
                    texts: PublicationTexts(title: petition.valid.title, content: petition.valid.content, subject: subject), mask: mask,
                    code: code, signer: signers[petition.lead])
                batch.append((intake, history.events(random: &random)))
                if batch.count == Self.batchSize || index == times.count - 1 {
                    try Task.checkCancellation()
                    let ready = try batch.map { try PreparedCase(intake: $0.intake, history: $0.history) }
                    try await writing?.value
                    bar.update(index + 1 - batch.count)
                    let codes = expected
                    writing = Task { [store] in
                        guard try await store.load(ready) == codes else { throw StoreError.unreadable("demo: tracking codes moved") }
                    }
                    batch.removeAll(keepingCapacity: true)
                    expected.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            writing?.cancel()
            _ = try? await writing?.value
            throw error
        }
        try await writing?.value
        bar.update(times.count)
        bar.finish()
        // A bulk load leaves the planner's statistics behind: on PostgreSQL at 100,000
        // petitions the inbox's counts scanned the whole table (451 ms) until VACUUM ANALYZE
        // let them read an index (17 ms).
        try await store.database.refreshStatistics()
        // The assistant learns from the demo's routings at once, so that its suggestions show
        // from the first page a coordinator opens.
        try await AssistTraining.train(store, now: until)
    }

    /// The demo staff accounts (created once): a coordinator and an admin at VPCP, an officer
    /// and a leader at each of two agencies, an observer.
    private func demoAccounts() async throws -> DemoStaff {
        let wanted: [(String, String, String, StaffRole)] = [
            ("demo-vpcp", "Điều phối viên VPCP", "VPCP", .coordinator),
            ("demo-admin", "Quản trị hệ thống", "VPCP", .admin),
            ("demo-observer", "Phóng viên (quan sát)", "VPCP", .observer),
        ]
        var ids: [String: Int64] = [:]
        let hash = try await Passwords.hash(Self.demoPassword)
        for (username, name, agency, role) in wanted {
            do {
                ids[username] = try await store.createStaff(
                    username: username, displayName: name, agencyCode: agency, role: role, passwordHash: hash
                ).id
            } catch StoreError.alreadyExists {
                continue
            }
        }
        return DemoStaff(coordinator: ids["demo-vpcp"].map(Actor.staff) ?? .system)
    }
}

struct DemoStaff {
    var coordinator: Actor
}

/// A terminal progress bar on one line, redrawn at most a hundred times.
struct ProgressBar {
    let total: Int
    let enabled: Bool

    func update(_ done: Int) {
        guard enabled, total > 0, done * 100 / total != (done - 1) * 100 / total || done == total else { return }
        let width = 40
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardOutput.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled { print("") }
    }
}

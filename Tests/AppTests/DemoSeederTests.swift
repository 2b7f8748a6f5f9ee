import Foundation
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

@Suite struct DemoSeederTests {
    static let until = Date(timeIntervalSince1970: 1_795_000_000)

    /// What a seeded database holds, in a comparable form.
    static func snapshot(seed: UInt64) async throws -> [String] {
        try await TestDatabase.withStore { store in
            try await DemoSeeder(store: store, count: 40, seed: seed, until: until).run()
            let page = try await store.inbox(InboxFilter(scope: .all, pageSize: 200))
            return page.items.map { "\($0.trackingCode) \($0.status.rawValue) \($0.title)" }.sorted()
        }
    }

    @Test func theSameSeedGivesTheSameData() async throws {
        let first = try await Self.snapshot(seed: 7)
        #expect(first.count == 40)
        #expect(try await Self.snapshot(seed: 7) == first)
        #expect(try await Self.snapshot(seed: 8) != first)
    }

    @Test func demoDataCoversStatusesAgenciesAndOfficeHours() async throws {
        try await TestDatabase.withStore { store in
            try await DemoSeeder(store: store, count: 300, seed: 2026, until: Self.until).run()
            let counts = try await store.inbox(InboxFilter(scope: .all, pageSize: 1)).countsByStatus
            for status in [PetitionStatus.received, .rejected, .inProgress, .answered, .closed] {
                #expect((counts[status] ?? 0) > 0, "no demo case is \(status.rawValue)")
            }
            let (answers, total) = try await store.publishedAnswers(AnswerFilter(pageSize: 1000))
            #expect(total > 50)
            #expect(Set(answers.compactMap(\.agencyCode)).count > 20)
            // Officials act in office hours (Vietnam time).
            for answer in answers {
                let hour = Int((answer.publishedAt.timeIntervalSince1970 + 7 * 3600).truncatingRemainder(dividingBy: 86_400) / 3600)
                #expect((8..<17).contains(hour) || hour == 17, "published at \(hour):00")
            }
            #expect(try await store.hasDemoAccounts())
        }
    }

    /// Run as the server runs it, every demo answer is signed by its agency's key and verifies,
    /// and the log it leaves passes the audit.
    @Test func demoAnswersAreSignedAndVerify() async throws {
        try await TestDatabase.withStore { store in
            let passphrase = Settings().caPassphrase
            try await store.prepareCertificateAuthority(passphrase: passphrase, now: Self.until)
            try await DemoSeeder(store: store, count: 120, seed: 5, until: Self.until, passphrase: passphrase).run()
            let (answers, total) = try await store.publishedAnswers(AnswerFilter(pageSize: 1000))
            #expect(total > 20)
            for answer in answers {
                let signed = try #require(try await store.signedAnswer(answer.trackingCode), "\(answer.trackingCode)")
                #expect(signed.document.answer == answer.answer && signed.document.agency.code == answer.agencyCode)
                #expect(try await store.verify(signed).valid, "\(answer.trackingCode)")
                #expect(answer.signer == signed.document.signerLine)
            }
            #expect(try await store.auditLog().isIntact)
        }
    }
}

@Suite struct DemoPrivacyTests {
    /// The demo publishes nothing the check before publication would stop, and no published
    /// copy holds its submitter's name (without consent), address or phone.
    @Test func theDemoPublishesNoPersonalData() async throws {
        try await TestDatabase.withStore { store in
            try await DemoSeeder(store: store, count: 150, seed: 7, until: Date(timeIntervalSince1970: 1_790_000_000)).run()
            let (answers, total) = try await store.publishedAnswers(AnswerFilter(pageSize: 1000))
            #expect(total > 40)
            for answer in answers {
                let petition = try #require(try await store.petition(answer.trackingCode))
                #expect(
                    PublicationCheck.unresolved(petition.publicationTexts, state: CaseState(events: petition.events)).isEmpty,
                    "\(answer.trackingCode)")
                let published = answer.title + " " + answer.content + " " + answer.answer
                #expect(
                    !published.contains(petition.submitter.address) && !published.contains(petition.submitter.phone),
                    "\(answer.trackingCode)")
                if !petition.publishName { #expect(!published.contains(petition.submitter.name), "\(answer.trackingCode)") }
            }
        }
    }
}

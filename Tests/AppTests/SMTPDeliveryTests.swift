import Foundation
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Issue 14, against a real SMTP server started by the test (aiosmtpd): STARTTLS and AUTH,
/// mail waiting while the server is down, no duplicate after a crash between sending and
/// marking, and two workers on one database never sending the same notification.
@Suite(.enabled(if: SMTPSink.isAvailable, "needs Python's aiosmtpd (.ci/run installs it)"))
struct SMTPDeliveryTests {
    static func message(_ id: String, to: String = "an@example.vn") -> MailMessage {
        MailMessage(
            messageID: id + "@langnghe.test", from: "no-reply@langnghe.test", fromName: "LangNghe", to: to,
            subject: "Đã tiếp nhận PAKN-2026-000001", text: "Nội dung\n.\n..dấu chấm đầu dòng\n", html: "<p>Nội dung</p>", date: Date())
    }

    @Test func mailGoesThroughStartTLSAndAuthAndARefusedMailboxFailsAlone() async throws {
        let folder = SMTPSink.temporaryFolder()
        let tls = try SMTPSink.certificate(in: folder)
        let sink = try SMTPSink(
            folder: folder.appendingPathComponent("in"), tls: tls, user: ("langnghe", "bí-mật"), refuse: "none@example.vn")
        defer { sink.stop() }
        let server = try SMTPServer(url: "smtp://langnghe:b%C3%AD-m%E1%BA%ADt@127.0.0.1:\(sink.port)?ca=\(tls.cert)")
        let mailer = SMTPMailer(server: server, heloName: "langnghe.test")
        let results = await mailer.deliver([Self.message("a"), Self.message("b", to: "none@example.vn"), Self.message("c")]) { _ in true }
        #expect(results == [.sent, .failed("550 5.1.1 no such mailbox", permanent: true), .sent])
        #expect(sink.messageIDs() == ["<a@langnghe.test>", "<c@langnghe.test>"])
        // Dot-stuffing undone by the server: the text arrives as written.
        #expect(SMTPSink.text(sink.messages()[0]) == "Nội dung\n.\n..dấu chấm đầu dòng\n")
        #expect(SMTPSink.subject(sink.messages()[0]) == "Đã tiếp nhận PAKN-2026-000001")

        // A wrong password: nothing sent, tried again later (an operator may fix the setting).
        let wrong = SMTPMailer(
            server: try SMTPServer(url: "smtp://langnghe:sai@127.0.0.1:\(sink.port)?ca=\(tls.cert)"), heloName: "langnghe.test")
        let refused = await wrong.deliver([Self.message("d")]) { _ in true }
        guard case .failed(_, permanent: false) = refused.first else {
            Issue.record("expected a temporary failure, got \(refused)")
            return
        }
        // A commit point that says no: the message is dropped before its final dot.
        #expect(await mailer.deliver([Self.message("e")]) { _ in false } == [.abandoned])
        #expect(sink.messageIDs().count == 2)
    }

    /// No STARTTLS from a server that is not on this machine: refused, so that a password never
    /// crosses the network in clear. (Here: the certificate is not trusted, so TLS fails.)
    @Test func anUntrustedCertificateIsRefused() async throws {
        let folder = SMTPSink.temporaryFolder()
        let tls = try SMTPSink.certificate(in: folder)
        let sink = try SMTPSink(folder: folder.appendingPathComponent("in"), tls: tls)
        defer { sink.stop() }
        let mailer = SMTPMailer(server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"), heloName: "langnghe.test")
        let results = await mailer.deliver([Self.message("x")]) { _ in true }
        guard case .failed(_, permanent: false) = results.first else {
            Issue.record("expected a failure, got \(results)")
            return
        }
        #expect(sink.messageIDs().isEmpty)
    }

    static func worker(_ store: Store, clock: TestClock, port: Int, holder: String = "test", batchSize: Int = 50) throws
        -> NotificationDelivery
    {
        try NotificationTests.worker(
            store, clock: clock, folder: SMTPSink.temporaryFolder(),
            mail: SMTPMailer(server: try SMTPServer(url: "smtp://127.0.0.1:\(port)"), heloName: "langnghe.test"), holder: holder,
            batchSize: batchSize)
    }

    @Test func submissionsSucceedWhileTheServerIsDownAndTheirMailGoesOnceItIsBack() async throws {
        let clock = TestClock(NotificationTests.start)
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            let port = try SMTPSink.freePort()
            let (code, _) = try await submitPetition(client)
            let worker = try Self.worker(store, clock: clock, port: port)
            #expect(try await worker.runOnce() == NotificationDelivery.Outcome(retried: 1))
            let waiting = try #require(try await store.notifications(of: TrackingCode(code)!).first)
            #expect(waiting.state == .pending && waiting.attempts == 1)
            #expect(waiting.lastError?.isEmpty == false)
            let sink = try SMTPSink(port: port)
            defer { sink.stop() }
            // Not before its backoff…
            #expect(try await worker.runOnce().taken == 0)
            clock.advance(60)
            #expect(try await worker.runOnce() == NotificationDelivery.Outcome(sent: 1))
            #expect(sink.messages().count == 1)
            #expect(SMTPSink.subject(sink.messages()[0]) == "Đã tiếp nhận PAKN \(code)")
            #expect(try await store.notifications(of: TrackingCode(code)!).first?.state == .sent)
        }
    }

    /// The worker dies after the server took the message and before it was marked sent: the
    /// next worker finds it `sending` with its lease gone, marks it unconfirmed and does not send
    /// it again; the admin sees it.
    @Test func aCrashBetweenSendingAndMarkingNeverSendsTwice() async throws {
        let clock = TestClock(NotificationTests.start)
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            let sink = try SMTPSink()
            defer { sink.stop() }
            let (code, _) = try await submitPetition(client)
            // What a worker does up to the crash: take, commit, send; never mark.
            let items = try await store.claimNotifications(holder: "dies", now: clock.now, lease: 600, limit: 10)
            let texts = NotificationTexts(
                catalogue: try Catalogue.bundled(), baseURL: "https://langnghe.gov.vn", from: "no-reply@langnghe.gov.vn")
            let mailer = SMTPMailer(server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"), heloName: "langnghe.test")
            let sent = await mailer.deliver(items.map { texts.mail($0, now: clock.now) }) { index in
                try await store.markNotificationSending(items[index].id, holder: "dies", now: clock.now, lease: 600)
            }
            #expect(sent == [.sent])
            #expect(sink.messageIDs().count == 1)
            // Another worker, before and after the lease ran out.
            let next = try Self.worker(store, clock: clock, port: sink.port, holder: "next")
            #expect(try await next.runOnce().taken == 0)
            clock.advance(3600)
            #expect(try await next.runOnce().taken == 0)
            #expect(sink.messageIDs().count == 1)
            let record = try #require(try await store.notifications(of: TrackingCode(code)!).first)
            #expect(record.state == .unconfirmed)
            #expect(try await store.notificationsNeedingAttention().map(\.id) == [record.id])
        }
    }

    /// Two workers (two server instances) on one database: every notification sent exactly once.
    @Test func twoWorkersNeverSendTheSameNotification() async throws {
        let clock = TestClock(NotificationTests.start)
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            let sink = try SMTPSink()
            defer { sink.stop() }
            for _ in 0..<40 { _ = try await submitPetition(client) }
            let workers = try ["one", "two"].map { try Self.worker(store, clock: clock, port: sink.port, holder: $0, batchSize: 3) }
            let sent = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in workers {
                    group.addTask {
                        var total = 0
                        while true {
                            let round = try await worker.runOnce()
                            total += round.sent
                            if round.taken == 0 { return total }
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(sent == 40)
            let ids = sink.messageIDs()
            #expect(ids.count == 40)
            #expect(Set(ids).count == 40)
            #expect(try await store.notificationCounts() == [.sent: 40])
        }
    }
}

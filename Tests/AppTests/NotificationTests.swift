import Foundation
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Logging
import NIOCore
import Testing

@testable import App

/// Issue 14: the outbox, its delivery worker, mail and SMS, who is told what.
@Suite struct NotificationTests {
    static let start = vietnamMorning("2026-11-02")

    /// A worker over the mail folder (or `mail`) and the SMS log, in `folder`.
    static func worker(
        _ store: Store, clock: TestClock, folder: URL, mail: (any MailTransport)? = nil, holder: String = "test", batchSize: Int = 50
    ) throws -> NotificationDelivery {
        var delivery = NotificationDelivery(
            store: store,
            texts: NotificationTexts(
                catalogue: try Catalogue.bundled(), baseURL: "https://langnghe.gov.vn", from: "no-reply@langnghe.gov.vn",
                unsubscribe: UnsubscribeLink(secret: Settings.developmentSecret)),
            mail: mail ?? FolderMailer(folder: folder.path), sms: LogSMSGateway(folder: folder.path, logger: TestDatabase.logger),
            environment: AppEnvironment(now: { clock.now }), holder: holder)
        delivery.batchSize = batchSize
        return delivery
    }

    static func files(_ folder: URL, suffix: String = ".eml") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    static func setPreferences(_ store: Store, _ username: String, email: String = "", phone: String = "", digest: Bool = false)
        async throws
    {
        let id = try #require(try await store.allStaff().first { $0.username == username }?.id)
        var channels: Set<NotificationChannel> = []
        if !email.isEmpty { channels.insert(.email) }
        if !phone.isEmpty { channels.insert(.sms) }
        try await store.setNotificationPreferences(
            staffID: id, NotificationPreferences(email: email, phone: phone, channels: channels, digest: digest, language: .vi))
    }

    /// Who got which step, as "recipient kind channel state", in order.
    static func summary(_ store: Store, _ code: String) async throws -> [String] {
        try await store.notifications(of: TrackingCode(code)!).map {
            "\($0.staffName ?? "submitter") \($0.kind) \($0.channel) \($0.state.rawValue)"
        }
    }

    /// The whole journey: each person hears of what concerns them, in the same transactions as
    /// the events; the worker sends it all once; a digest account gets one mail at 16:00.
    @Test func everyoneHearsOfWhatConcernsThemAndNothingIsSentTwice() async throws {
        let clock = TestClock(Self.start)
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            try await Self.setPreferences(store, "btc-officer", email: "officer@mof.gov.vn")
            try await Self.setPreferences(store, "btc-leader", email: "leader@mof.gov.vn", phone: "0904 111 222")
            try await Self.setPreferences(store, "byt-officer", email: "officer@moh.gov.vn", digest: true)
            let (code, key) = try await submitPetition(client) { $0["notifyBy"] = ["email", "sms"] }
            #expect(try await Self.summary(store, code) == ["submitter received email pending", "submitter received sms pending"])

            let vpcp = try await APIUser.signIn(client, "vpcp")
            let officer = try await APIUser.signIn(client, "btc-officer")
            let leader = try await APIUser.signIn(client, "btc-leader")
            let submitter = APIUser(client: client, accessKey: key)
            _ = try await vpcp.act(code, "assigned", ["leadAgency": "BTC", "coordinatingAgencies": ["BYT"], "note": "BTC chủ trì"])
            _ = try await officer.act(code, "acknowledged")
            _ = try await officer.act(code, "infoRequested", ["message": "Đề nghị gửi bản sao hồ sơ đã nộp"])
            _ = try await submitter.act(code, "infoProvided", ["content": "Tôi gửi kèm số biên nhận 123/BN"])
            _ = try await officer.act(code, "answerDrafted", ["content": "Bộ Tài chính trả lời như sau…"])
            _ = try await leader.act(code, "answerApproved", ["password": TestStaff.password])
            #expect(try await leader.act(code, "answerPublished").status == .created)

            let expected = [
                "submitter received email", "submitter received sms",
                "submitter assigned email", "submitter assigned sms",
                "btc-officer new-case email", "btc-leader new-case email", "btc-leader new-case sms",
                "byt-officer coordination-requested email",
                "submitter info-requested email", "submitter info-requested sms",
                // The officer who asked is told; the submitter who answered is not.
                "btc-officer info-provided email", "btc-leader info-provided email", "btc-leader info-provided sms",
                "btc-leader approval-awaited email", "btc-leader approval-awaited sms",
                "submitter answered email", "submitter answered sms",
            ]
            let written = try await Self.summary(store, code)
            #expect(written.map { $0.split(separator: " ").dropLast().joined(separator: " ") }.sorted() == expected.sorted())
            #expect(written.filter { $0.hasSuffix(" digest") } == ["byt-officer coordination-requested email digest"])

            let folder = SMTPSink.temporaryFolder()
            let worker = try Self.worker(store, clock: clock, folder: folder)
            let outcome = try await worker.runOnce()
            #expect(outcome == NotificationDelivery.Outcome(sent: 16))
            #expect(try await worker.runOnce().taken == 0)
            let mails = Self.files(folder)
            #expect(mails.count == 9)
            #expect(Set(mails.compactMap(SMTPSink.messageID)).count == 9)
            let receipt = try #require(mails.first { SMTPSink.subject($0) == "Đã tiếp nhận PAKN \(code)" })
            #expect(receipt.contains("To: <an.nguyen@example.vn>"))
            #expect(SMTPSink.text(receipt).contains("https://langnghe.gov.vn/tra-cuu?ma=\(code)"))
            #expect(!receipt.contains("List-Unsubscribe"))
            let asked = try #require(mails.first { SMTPSink.subject($0) == "PAKN \(code): cần bổ sung thông tin" })
            #expect(SMTPSink.text(asked).contains("Đề nghị gửi bản sao hồ sơ đã nộp"))
            let approval = try #require(mails.first { SMTPSink.subject($0) == "Dự thảo trả lời chờ phê duyệt: \(code)" })
            #expect(approval.contains("To: <leader@mof.gov.vn>"))
            let leaderID = try #require(try await store.allStaff().first { $0.username == "btc-leader" }?.id)
            let unsubscribe = Site.unsubscribe(.value(UnsubscribeLink(secret: Settings.developmentSecret).token(staffID: leaderID))).path
            #expect(approval.contains("List-Unsubscribe: <https://langnghe.gov.vn\(unsubscribe)>"))
            #expect(approval.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(SMTPSink.text(approval).contains("https://langnghe.gov.vn/can-bo/pakn/\(code)"))
            // SMS without diacritics, one segment each, the submitter's number and the leader's.
            let sms = Self.files(folder, suffix: "sms.log").first?.split(separator: "\n") ?? []
            #expect(sms.count == 7, "\(sms)")
            #expect(sms.filter { $0.contains("\t0912345678\t") }.count == 4)
            #expect(sms.contains { $0.hasSuffix("LangNghe: Da tiep nhan PAKN \(code). https://langnghe.gov.vn/tra-cuu?ma=\(code)") })
            #expect(sms.allSatisfy { SMSText.segments(String($0.split(separator: "\t").last ?? "")) == 1 })

            // The digest: nothing before 16:00, then one mail with the day's items.
            #expect(try await worker.runOnce().taken == 0)
            clock.advance(7 * 3600)
            #expect(try await worker.runOnce() == NotificationDelivery.Outcome(sent: 1))
            let digest = try #require(Self.files(folder).first { $0.contains("To: <officer@moh.gov.vn>") })
            #expect(SMTPSink.subject(digest) == "Tổng hợp thông báo trong ngày: 1 việc")
            #expect(SMTPSink.text(digest).contains("Đề nghị phối hợp: \(code)"))
            #expect(try await Self.summary(store, code).contains("byt-officer coordination-requested email digested"))
            // One digest a day: a later item waits for tomorrow's.
            clock.advance(3600)
            let other = try await submitPetition(client).0
            let assigned = try await APIUser.signIn(client, "vpcp").act(
                other, "assigned", ["leadAgency": "BTC", "coordinatingAgencies": ["BYT"]])
            #expect(assigned.status == .created)
            _ = try await worker.runOnce()
            let later = try await Self.summary(store, other)
            #expect(later.contains("byt-officer coordination-requested email digest"), "\(later)")
        }
    }

    /// A failed write leaves no notification, and a rolled-back event none either.
    @Test func anEventRefusedWritesNoNotification() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            try await Self.setPreferences(store, "btc-leader", email: "leader@mof.gov.vn")
            let (code, _) = try await submitPetition(client)
            let officer = try await APIUser.signIn(client, "btc-officer")
            // Not assigned to BTC yet: refused, and nobody is told.
            #expect(try await officer.act(code, "answerDrafted", ["content": "Trả lời"]).status != .created)
            #expect(try await Self.summary(store, code) == ["submitter received email pending"])
            let bad = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: jsonHeaders,
                body: jsonBuffer(petitionJSON { $0["notifyBy"] = ["fax"] }))
            #expect(bad.status == .unprocessableContent)
            let fields = (try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String]
            #expect(fields?.keys.sorted() == ["notifyBy"])
            #expect(try await store.notificationCounts()[.pending] == 1)
        }
    }

    /// The reminders the deadline job records reach the agency's handlers, once per day.
    @Test func remindersReachTheHandlersOnce() async throws {
        let clock = TestClock(Self.start)
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            try await Self.setPreferences(store, "btc-officer", email: "officer@mof.gov.vn")
            let (code, _) = try await submitPetition(client) { $0["notifyBy"] = [String]() }
            let vpcp = try await APIUser.signIn(client, "vpcp")
            _ = try await vpcp.act(code, "assigned", ["leadAgency": "BTC"])
            let deadlines = DeadlineService(store: store, environment: AppEnvironment(now: { clock.now }))
            let job = ReminderJob(store: store, deadlines: deadlines, holder: "test")
            // Far past the answer's deadline.
            clock.advance(90 * 86_400)
            _ = try await job.runOnce(logger: TestDatabase.logger)
            _ = try await job.runOnce(logger: TestDatabase.logger)
            let reminders = try await Self.summary(store, code).filter { $0.contains("overdue") }
            #expect(reminders == ["btc-officer overdue email pending"])
            let folder = SMTPSink.temporaryFolder()
            #expect(try await Self.worker(store, clock: clock, folder: folder).runOnce().sent >= 1)
            let mail = try #require(Self.files(folder).first { SMTPSink.subject($0) == "Quá hạn: \(code)" })
            #expect(SMTPSink.text(mail).contains("(hạn "))
        }
    }

    /// Staff choose their channels and digest; bad input comes back at its field.
    @Test func staffChooseHowTheyAreTold() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let browser = Browser(client)
            try await browser.signIn("btc-officer")
            let page = try await browser.get(Site.notificationPreferences.path)
            #expect(page.status == .ok)
            let token = Browser.csrfToken(in: page.text)
            let refused = try await browser.post(
                Site.notificationPreferences.path,
                fields: [("email", "không-phải-thư"), ("phone", ""), ("channel", "email"), ("channel", "sms"), ("digest", "1")], csrf: token
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("value=\"không-phải-thư\""))
            #expect(refused.text.contains("id=\"email-error\""))
            #expect(refused.text.contains("id=\"phone-error\""))
            let saved = try await browser.post(
                Site.notificationPreferences.path,
                fields: [
                    ("email", "officer@mof.gov.vn"), ("phone", "0904.111.222"), ("channel", "sms"), ("digest", "1"), ("language", "en"),
                ],
                csrf: token)
            #expect(saved.status == .seeOther || saved.status == .found)
            let id = try #require(try await store.allStaff().first { $0.username == "btc-officer" }?.id)
            #expect(
                try await store.notificationPreferences(staffID: id)
                    == NotificationPreferences(
                        email: "officer@mof.gov.vn", phone: "0904111222", channels: [.sms], digest: true, language: .en))
            // Without the form's token: refused.
            #expect(try await browser.post(Site.notificationPreferences.path, fields: [("email", "x@y.vn")]).status == .forbidden)
        }
    }

    /// The case page shows each notification's state without an address; an admin sees failures
    /// and sends one again.
    @Test func theBackOfficeShowsDeliveryAndAdminsRetryFailures() async throws {
        let clock = TestClock(Self.start)
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            // A mail server that refuses every recipient for good.
            let worker = try Self.worker(store, clock: clock, folder: SMTPSink.temporaryFolder(), mail: Refusing())
            #expect(try await worker.runOnce() == NotificationDelivery.Outcome(failed: 1))
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let casePage = try await vpcp.get(Site.staffCase(.value(code)).path).text
            #expect(casePage.contains("Đã tiếp nhận PAKN \(code)"))
            #expect(casePage.contains("Thất bại"))
            #expect(!casePage.contains("an.nguyen@example.vn</td>"))
            let admin = Browser(client)
            try await admin.signIn("admin")
            let failures = try await admin.get(Site.notifications.path)
            #expect(failures.text.contains("550 &lt;…&gt; no such mailbox"))
            // The address the server quoted is not kept, shown or logged.
            #expect(!failures.text.contains("an.nguyen@example.vn"))
            let record = try #require(try await store.notificationsNeedingAttention().first)
            let retried = try await admin.post(
                Site.notificationRetry(.value(record.id)).path, fields: [], csrf: Browser.csrfToken(in: failures.text))
            #expect(retried.headers[.location]?.hasSuffix("?ket-qua=gui-lai") == true)
            #expect(try await store.notifications(of: TrackingCode(code)!).first?.state == .pending)
            #expect(try await store.securityLog(action: "notificationRetried").count == 1)
            // A notification that did not fail is not sent again.
            let again = try await admin.post(
                Site.notificationRetry(.value(record.id)).path, fields: [], csrf: Browser.csrfToken(in: failures.text))
            #expect(again.headers[.location]?.hasSuffix("?ket-qua=khong") == true)
        }
    }

    struct Refusing: MailTransport {
        func deliver(_ messages: [MailMessage], commit: @Sendable (Int) async throws -> Bool) async -> [DeliveryResult] {
            messages.map { .failed("550 <\($0.to.uppercased())> no such mailbox", permanent: true) }
        }
    }

    @Test func retriesBackOffWithJitterAndStop() {
        #expect(NotificationDelivery.backoff(attempt: 1, random: 0) == 30)
        #expect(NotificationDelivery.backoff(attempt: 1, random: 1) == 60)
        #expect(NotificationDelivery.backoff(attempt: 4, random: 1) == 480)
        #expect(NotificationDelivery.backoff(attempt: 30, random: 1) == 6 * 3600)
        var total: TimeInterval = 0
        for attempt in 1..<NotificationDelivery.maxAttempts { total += NotificationDelivery.backoff(attempt: attempt, random: 1) }
        // About a day of trying before a notification is given up.
        #expect((12 * 3600...48 * 3600).contains(total))
    }

    @Test func smtpSettingsAreReadAndCheckedWithoutShowingThePassword() throws {
        let server = try SMTPServer(url: "smtps://langnghe%40chinhphu.vn:m%E1%BA%ADt@mail.chinhphu.vn")
        #expect(server.host == "mail.chinhphu.vn")
        #expect(server.port == 465)
        #expect(server.implicitTLS)
        #expect(server.username == "langnghe@chinhphu.vn")
        #expect(server.password == "mật")
        #expect(try SMTPServer(url: "smtp://relay.local").port == 587)
        #expect(throws: SettingsProblem.self) { try SMTPServer(url: "http://mail.chinhphu.vn") }
        #expect(throws: SettingsProblem.self) { try SMTPServer(url: "smtp://u:p@mail.chinhphu.vn?tls=none") }
        #expect(throws: SettingsProblem.self) { try SMTPServer(url: "smtp://mail.chinhphu.vn?ca=/no/such/file.pem") }
        do {
            _ = try Settings.read(environment: [
                "SMTP_URL": "smtq://u:hunter2@x", "SMS_GATEWAY_URL": "https://sms.example.vn/send",
                "SMS_GATEWAY_TEMPLATE": "{\"to\": {{to}}",
                "MAIL_FROM": "không", "LANGNGHE_NOTIFICATION_INTERVAL": "-1", "LANGNGHE_NOTIFICATION_LEASE": "5",
            ])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.problems.map { String($0.prefix { $0 != ":" }) } == [
                    "SMTP_URL", "MAIL_FROM", "SMS_GATEWAY_TEMPLATE", "LANGNGHE_NOTIFICATION_INTERVAL", "LANGNGHE_NOTIFICATION_LEASE",
                ])
            #expect(!error.description.contains("hunter2"))
        }
        let settings = try Settings.read(environment: ["SMS_GATEWAY_URL": "https://sms.example.vn/send", "SMS_GATEWAY_TOKEN": "t"])
        guard case .http(_, let token, let template, let gsm7) = settings.notifications.sms else {
            Issue.record("expected the HTTP gateway")
            return
        }
        #expect(token == "t" && gsm7)
        #expect(settings.notifications.lease == 600)
        #expect(try Settings.read(environment: ["LANGNGHE_NOTIFICATION_LEASE": "90"]).notifications.lease == 90)
        let body = HTTPSMSGateway(url: "", token: nil, template: template, gsm7: true).body(to: "0912\"345", text: "a\nb", id: "x")
        #expect(body == #"{"to": "0912\"345", "text": "a\nb", "id": "x"}"#)
    }

    /// RFC 8058: the link in a staff mail unsubscribes in one POST, without a session or a CSRF
    /// token; opening it changes nothing; a link not made by this server is a 404.
    @Test func aStaffMailUnsubscribesInOneClick() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            try await Self.setPreferences(store, "btc-leader", email: "leader@mof.gov.vn", phone: "0904 111 222")
            let id = try #require(try await store.allStaff().first { $0.username == "btc-leader" }?.id)
            let link = UnsubscribeLink(secret: Settings.developmentSecret)
            let path = Site.unsubscribe(.value(link.token(staffID: id))).path
            let page = try await client.execute(uri: path, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("btc-leader"))
            #expect(try await store.notificationPreferences(staffID: id)?.channels == [.email, .sms])
            let oneClick = try await client.execute(
                uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(oneClick.status == .ok)
            #expect(try await store.notificationPreferences(staffID: id)?.channels == [.sms])
            // Links for another account, another secret, or none at all.
            let forged = [
                link.token(staffID: id).replacingOccurrences(of: "\(id)-", with: "\(id + 1)-"),
                UnsubscribeLink(secret: "another-secret-of-at-least-32-characters").token(staffID: id), "1-00", "abc",
                String(repeating: "9", count: 300),
            ]
            for token in forged {
                #expect(link.staffID(from: token) == nil)
                #expect(try await client.execute(uri: Site.unsubscribe(.value(token)).path, method: .post).status == .notFound)
            }
        }
    }

    /// An account made with a work e-mail is told by e-mail from its first day; a bad address
    /// brings the form back filled in, the message at the field.
    @Test func anAccountMadeWithAnEmailIsToldFromTheStart() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let admin = Browser(client)
            try await admin.signIn("admin")
            let fields = [
                ("username", "btc-chuyenvien2"), ("displayName", "Chuyên viên BTC"), ("password", "Mật-khẩu-mạnh-2026-btc!"),
                ("role", "officer"), ("agency", "BTC"),
            ]
            let refused = try await admin.post(
                Site.accounts.path, fields: fields + [("email", "không-phải-thư")],
                csrf: Browser.csrfToken(in: try await admin.get(Site.accounts.path).text))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"email-error\"") && refused.text.contains("value=\"btc-chuyenvien2\""))
            let made = try await admin.post(
                Site.accounts.path, fields: fields + [("email", "chuyenvien2@mof.gov.vn")], csrf: Browser.csrfToken(in: refused.text))
            #expect(made.status == .seeOther)
            let id = try #require(try await store.allStaff().first { $0.username == "btc-chuyenvien2" }?.id)
            let preferences = try await store.notificationPreferences(staffID: id)
            #expect(preferences?.email == "chuyenvien2@mof.gov.vn" && preferences?.channels == [.email])
        }
    }
}

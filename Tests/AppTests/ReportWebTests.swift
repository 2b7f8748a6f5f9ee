import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Logging
import NIOCore
import Testing

@testable import App

/// Issue 13 §4: coordinators and admins download any report, leaders their own agency's; the
/// public version is published on the portal once per quarter, signed, and never changes.
@Suite struct ReportWebTests {
    /// A petition routed to BTC today, then the clock moved past the end of its quarter.
    static func withFinishedQuarter(_ body: @Sendable (any TestClientProtocol, Store, ReportPeriod, TestClock) async throws -> Void)
        async throws
    {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            try await APIUser.signIn(client, "vpcp").act(code, "assigned", ["leadAgency": "BTC"])
            let today = CivilDate.localDate(of: clock.now)
            let quarter = ReportPeriod(quarterOf: today)
            clock.advance(200 * 86_400)
            try await body(client, store, quarter, clock)
        }
    }

    @Test func aCoordinatorDownloadsEachFormatSigned() async throws {
        try await Self.withFinishedQuarter { client, _, quarter, _ in
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let base = Site.reportDownload.path + "?ky=\(quarter.label)&co-quan=&ban=noi-bo&dinh-dang="
            let html = try await vpcp.get(base + "html")
            #expect(html.status == .ok && html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.text.contains("Báo cáo tình hình tiếp nhận") && html.text.contains("Chữ ký số"))
            #expect(html.headers[.cacheControl] == "private, no-store")
            let zip = try await vpcp.get(base + "csv")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(Array(zip.body.readableBytesView.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            let json = try await vpcp.get(base + "json")
            let signed = try JSONDecoder().decode(SignedReport.self, from: Data(buffer: json.body))
            #expect(signed.content.report.received.total == 1 && signed.content.report.parameters.audience == "internal")
            let verdict = try await client.execute(uri: "/api/v1/verify", method: .post, headers: jsonHeaders, body: json.body).json()
            #expect(verdict["valid"] as? Bool == true)
        }
    }

    @Test func badRequestsComeBackFilledInWithTheProblemAtTheField() async throws {
        try await Self.withFinishedQuarter { client, _, quarter, clock in
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let unknown = try await vpcp.get(Site.reportDownload.path + "?ky=2026-Q9&dinh-dang=pdf&co-quan=XYZ")
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("report-period-error") && unknown.text.contains("report-agency-error"))
            let reversed = try await vpcp.get(Site.reportDownload.path + "?tu=31/12/2026&den=01/12/2026")
            #expect(reversed.status == .unprocessableContent)
            #expect(reversed.text.contains("value=\"31/12/2026\"") && reversed.text.contains("Ngày bắt đầu phải trước"))
            let today = CivilDate.localDate(of: clock.now)
            let current = try await vpcp.get(Site.reportDownload.path + "?ky=\(today.year)-Q\((today.month + 2) / 3)")
            #expect(current.status == .unprocessableContent && current.text.contains("Kỳ báo cáo chưa kết thúc"))
            _ = quarter
        }
    }

    @Test func leadersGetTheirOwnAgencyOnlyAndOthersNothing() async throws {
        try await Self.withFinishedQuarter { client, _, quarter, _ in
            let leader = Browser(client)
            try await leader.signIn("btc-leader")
            #expect(try await leader.get(Site.reports.path).status == .ok)
            let own = try await leader.get(Site.reportDownload.path + "?ky=\(quarter.label)&co-quan=BTC")
            #expect(own.status == .ok && own.text.contains("Bộ Tài chính"))
            #expect(try await leader.get(Site.reportDownload.path + "?ky=\(quarter.label)").status == .forbidden)
            #expect(try await leader.get(Site.reportDownload.path + "?ky=\(quarter.label)&co-quan=BYT").status == .forbidden)
            for username in ["btc-officer", "observer"] {
                let other = Browser(client)
                try await other.signIn(username)
                #expect(try await other.get(Site.reports.path).status == .forbidden, "\(username)")
                #expect(try await other.get(Site.reportDownload.path + "?ky=\(quarter.label)&co-quan=BTC").status == .forbidden)
            }
            #expect(try await Browser(client).get(Site.reports.path).status == .seeOther)
            // The API follows the same rules.
            let officer = try await APIUser.signIn(client, "btc-officer")
            #expect(try await officer.get("/api/v1/reports/generate?ky=\(quarter.label)&co-quan=BTC").status == .forbidden)
            let apiLeader = try await APIUser.signIn(client, "btc-leader")
            #expect(try await apiLeader.get("/api/v1/reports/generate?ky=\(quarter.label)&co-quan=BTC&dinh-dang=json").status == .ok)
            #expect(try await apiLeader.get("/api/v1/reports/generate?ky=\(quarter.label)").status == .forbidden)
            let anonymous = try await client.execute(uri: "/api/v1/reports/generate?ky=\(quarter.label)", method: .get)
            #expect(anonymous.status == .unauthorized)
            let bad = try await APIUser.signIn(client, "vpcp").get("/api/v1/reports/generate?ky=nope")
            #expect(bad.status == .unprocessableContent && bad.text.contains("\"period\""))
        }
    }

    @Test func theQuarterIsPublishedOnceSignedAndNeverChanges() async throws {
        try await Self.withFinishedQuarter { client, store, quarter, clock in
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let form = try await vpcp.get(Site.reports.path)
            let published = try await vpcp.post(
                Site.reportPublish.path, fields: [("ky", quarter.label)], csrf: Browser.csrfToken(in: form.text))
            #expect(published.status == .seeOther)
            let list = try await client.execute(uri: Site.publishedReports.path, method: .get)
            #expect(list.status == .ok && list.text.contains(Site.publishedReport(.value(quarter.label)).path))
            let page = try await client.execute(uri: Site.publishedReport(.value(quarter.label)).path, method: .get)
            #expect(page.status == .ok && page.text.contains("Bản công khai"))
            // Its own style is allowed by its hash, and nothing else inline.
            let style = page.text.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
            let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
            #expect(page.headers[.contentSecurityPolicy]?.contains("style-src 'self' 'sha256-\(hash)';") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
            let json = try await client.execute(uri: "/api/v1/reports/\(quarter.label)", method: .get)
            let signed = try JSONDecoder().decode(SignedReport.self, from: Data(buffer: json.body))
            #expect(signed.content.report.parameters.audience == "public")
            #expect(await (try store.answerVerifier()).verify(signed).valid)
            let items = try await client.execute(uri: "/api/v1/reports", method: .get).json()["items"] as? [[String: Any]]
            #expect(items?.first?["period"] as? String == quarter.label)

            // Later events and a second publication change nothing.
            let (late, _) = try await submitPetition(client)
            try await APIUser.signIn(client, "vpcp").act(late, "assigned", ["leadAgency": "BYT"])
            #expect(
                try await ReportService(store: store).publish(
                    quarter, passphrase: Settings(environment: .testing).caPassphrase, now: clock.now) == false)
            let again = try await client.execute(uri: "/api/v1/reports/\(quarter.label)", method: .get)
            #expect(again.body == json.body)
            #expect(try await client.execute(uri: Site.publishedReport(.value("2001-Q1")).path, method: .get).status == .notFound)
        }
    }

    @Test func anEmptyQuarterIsNotPublished() async throws {
        try await withApp { _, store async throws in
            let later = Date().addingTimeInterval(200 * 86_400)
            let job = ReportPublicationJob(
                reports: ReportService(store: store), passphrase: Settings(environment: .testing).caPassphrase,
                environment: AppEnvironment(now: { later }), holder: "test")
            #expect(try await job.runOnce(logger: Logger(label: "test")) == nil)
            #expect(try await store.publishedReports().isEmpty)
        }
    }

    @Test func publishingAnEmptyQuarterSaysSo() async throws {
        let clock = TestClock()
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            clock.advance(200 * 86_400)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let form = try await vpcp.get(Site.reports.path)
            let quarter = ReportService.lastFinishedQuarter(before: CivilDate.localDate(of: clock.now))
            let response = try await vpcp.post(
                Site.reportPublish.path, fields: [("ky", quarter.label)], csrf: Browser.csrfToken(in: form.text))
            #expect(response.headers[.location] == Site.reports.path + "?khong-co-gi=" + quarter.label)
            let page = try await vpcp.get(response.headers[.location] ?? "")
            #expect(page.text.contains("Không công bố"))
            #expect(try await store.publishedReports().isEmpty)
        }
    }

    @Test func theSchedulerPublishesTheLastQuarterOnce() async throws {
        try await Self.withFinishedQuarter { _, store, _, clock in
            let job = ReportPublicationJob(
                reports: ReportService(store: store), passphrase: Settings(environment: .testing).caPassphrase,
                environment: AppEnvironment(now: { clock.now }), holder: "test")
            let logger = Logger(label: "test")
            let first = try await job.runOnce(logger: logger)
            #expect(first == ReportService.lastFinishedQuarter(before: CivilDate.localDate(of: clock.now)))
            #expect(try await job.runOnce(logger: logger) == nil)
            #expect(try await store.publishedReports().map(\.period) == [first?.label])
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Issue 10 §3: the typed web edge. Every page of `Site` is routed, in the group of the people
/// who may use it, and every link a template makes names a page that exists.
@Suite struct SiteTests {
    enum Audience { case everyone, staff, clerks, reporters, publishers, admins }

    /// Who may open each page. The switch has no `default`, so a new page does not compile here
    /// until it is given an audience, and the test below then tries it.
    static func audience(_ page: Site) -> Audience {
        switch page {
        case .home, .submit, .receipt, .track, .trackAttachment, .trackAction, .trackPersonalData, .calendarThisYear, .calendar, .answers,
            .answer, .search, .statistics, .chart, .agencyConduct, .agencyEvidence, .answersFeed, .answersCSV, .answersJSON, .agencyFeed,
            .logFeed, .signedAnswer, .verify, .rootCertificates, .revokedCertificates, .publishedReports, .publishedReport,
            .stylesheet, .health, .signIn, .signOut, .unsubscribe:
            .everyone
        case .inbox, .staffCase, .caseEvents, .caseAttachment, .secondFactor, .notificationPreferences: .staff
        case .paperIntake: .clerks
        case .reports, .reportDownload: .reporters
        case .reportPublish: .publishers
        case .accounts, .account, .confirmAdmin, .resetSecondFactor, .agencies, .agency, .fields, .field, .securityLog, .workingCalendar,
            .certificates, .certificate, .notifications, .notificationRetry:
            .admins
        }
    }

    /// One link to each page that a GET opens, with values that exist in the test database.
    static func pages(code: String) -> [Site] {
        [
            .home, .submit, .track, .calendarThisYear, .calendar(year: .value(2026)), .answers, .search, .statistics,
            .chart(.value("thang.svg")), .agencyConduct, .answersFeed, .answersCSV, .answersJSON, .agencyFeed(.value("BTC")), .logFeed,
            .stylesheet, .health, .signIn, .inbox, .staffCase(.value(code)), .secondFactor, .paperIntake, .accounts, .agencies, .fields,
            .securityLog, .workingCalendar, .verify, .rootCertificates, .revokedCertificates, .certificates, .publishedReports, .reports,
            .notificationPreferences, .notifications,
        ]
    }

    /// The pages that only take a form: a POST with its token reaches the handler (which may
    /// refuse the empty form), never a 404 for want of a route.
    static func forms(code: String) -> [Site] {
        [
            .submit, .track, .trackAttachment, .trackAction, .trackPersonalData, .caseEvents(.value(code)), .paperIntake, .accounts,
            .account(.value(3)), .confirmAdmin(.value(3)), .resetSecondFactor(.value(3)), .agency(.value("BTC")), .fields,
            .field(.value("land")), .workingCalendar, .secondFactor, .verify, .certificates, .certificate(.value(1)), .reportPublish,
            .notificationPreferences, .notificationRetry(.value(1)),
        ]
    }

    @Test func linksAreTheRoutesAddresses() {
        #expect(Site.staffCase(.key).path == "/can-bo/pakn/:code")
        #expect(Site.staffCase(.value("PAKN-2026-000001")).path == "/can-bo/pakn/PAKN-2026-000001")
        #expect(Site.caseAttachment(.key, .key).path == "/can-bo/pakn/:code/tep/:id")
        #expect(Site.agencyFeed(.key).path == "/feeds/agencies/{code}.atom")
        #expect(Site.agencyFeed(.value("BTC")).path == "/feeds/agencies/BTC.atom")
        #expect(Site.answer(.value("a/b c")).path == "/tra-loi/a%2Fb%20c")
        #expect(Site.submit(as: .organization) == "/gui-phan-anh?loai=doanh-nghiep")
    }

    /// Each page opens for those it is for; without an account the back office sends the visitor
    /// to sign in, and an account outside the group is refused.
    @Test func everyPageOpensForItsAudienceOnly() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let admin = Browser(client)
            try await admin.signIn("admin")
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let observer = Browser(client)
            try await observer.signIn("observer")
            for page in Self.pages(code: code) {
                let path = page.path
                let anonymous = try await Browser(client).get(path)
                switch Self.audience(page) {
                case .everyone:
                    #expect(anonymous.status == .ok, "\(path)")
                case .staff:
                    #expect(anonymous.status == .seeOther && anonymous.headers[.location] == Site.signIn.path, "\(path)")
                    #expect(try await vpcp.get(path).status == .ok, "\(path)")
                case .clerks, .reporters, .publishers:
                    #expect(anonymous.status == .seeOther, "\(path)")
                    #expect(try await observer.get(path).status == .forbidden, "\(path)")
                    #expect(try await vpcp.get(path).status == .ok, "\(path)")
                case .admins:
                    #expect(anonymous.status == .seeOther, "\(path)")
                    #expect(try await vpcp.get(path).status == .forbidden, "\(path)")
                    #expect(try await admin.get(path).status == .ok, "\(path)")
                }
            }
        }
    }

    @Test func everyFormIsRouted() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let admin = Browser(client)
            try await admin.signIn("admin")
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            for page in Self.forms(code: code) {
                let browser = Self.audience(page) == .admins ? admin : vpcp
                let form = try await browser.get(Site.inbox.path)
                // The tracking forms answer 404 for a code that does not exist: give them one that does.
                let response = try await browser.post(
                    page.path, fields: [("ma", code), ("khoa", "sai")], csrf: Browser.csrfToken(in: form.text))
                #expect(response.status != .notFound && response.status != .methodNotAllowed, "\(page.path): \(response.status)")
            }
        }
    }

    /// Every `{{paths.…}}` and `{{office.…}}` in a template is an address that exists: a typo
    /// would render an empty link.
    @Test func everyTemplateLinkExists() throws {
        let known = [
            "paths": Set(Mirror(reflecting: Paths()).children.compactMap(\.label)),
            "office": Set(Mirror(reflecting: BackOfficeLinks()).children.compactMap(\.label)),
        ]
        let folder = AppResources.path("Templates")
        var links = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?(paths|office)\.([A-Za-z0-9_]+)\}\}/) {
                links += 1
                #expect(known[String(match.output.1)]?.contains(String(match.output.2)) == true, "\(file): \(match.output.0)")
            }
        }
        #expect(links > 20)
    }
}

import Foundation
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Issue 10 §3: every page from fixed fixtures and a fixed clock, kept as HTML snapshots
/// (`__Snapshots__`), so that a change to a page shows up in review as a diff.
@Suite struct PageSnapshotTests {
    /// Tuesday 10 March 2026, 09:00 in Hà Nội.
    static let now = Date(timeIntervalSince1970: 1_773_108_000)
    static let accessKey = "ABCDEFGHJKMNPQRSTVWXYZ2345"

    @Test func everyPage() async throws {
        let clock = TestClock(Self.now)
        let environment = AppEnvironment(now: { clock.now }, makeAccessKey: { Self.accessKey })
        try await withApp(environment: environment) { client, store in
            try await TestStaff.create(in: store)
            let (answered, _) = try await file(
                client, title: "Chậm cấp sổ đỏ tại phường Sài Gòn", content: "Hồ sơ nộp từ tháng 1 chưa có kết quả.")
            try await publish(answered, in: store, answer: "Sở Nông nghiệp và Môi trường trả lời: hồ sơ đã được giải quyết.", at: clock.now)
            clock.advance(3600)
            let (code, key) = try await submitPetition(client)

            // The public
            let citizen = Browser(client)
            let pages: [(String, String)] = [
                ("home", Site.home.path), ("form", Site.submit(as: .individual)), ("form-business", Site.submit(as: .organization)),
                ("tracking", Site.tracking(code)), ("calendar", Site.calendar(year: .value(2026)).path), ("answers", Site.answers.path),
                ("answer", Site.answer(.value(answered)).path), ("search", Site.search.path + "?q=s%E1%BB%95+%C4%91%E1%BB%8F"),
                ("statistics", Site.statistics.path), ("conduct", Site.agencyConduct.path), ("sign-in", Site.signIn.path),
                ("verify", Site.verify.path),
            ]
            for (name, path) in pages {
                let page = try await citizen.get(path)
                #expect(page.status == .ok, "\(name)")
                try expectSnapshot(page.text, named: name)
            }
            let form = try await citizen.get(Site.submit.path)
            let errors = try await citizen.post(
                Site.submit.path, fields: [("title", "Thiếu nội dung")], csrf: Browser.csrfToken(in: form.text))
            try expectSnapshot(errors.text, named: "form-errors")
            _ = try await citizen.post(Site.submit.path, fields: validFormFields, csrf: Browser.csrfToken(in: form.text))
            try expectSnapshot(try await citizen.get(Site.receipt.path).text, named: "receipt")
            let tracking = try await citizen.get(Site.tracking(code))
            let unlocked = try await citizen.post(
                Site.track.path, fields: [("ma", code), ("khoa", key)], csrf: Browser.csrfToken(in: tracking.text))
            try expectSnapshot(unlocked.text, named: "tracking-unlocked")

            // The same in English
            let reader = Browser(client)
            for (name, path) in [("home", Site.home.path), ("form", Site.submit.path), ("statistics", Site.statistics.path)] {
                try expectSnapshot(try await reader.get(path + (path.contains("?") ? "&" : "?") + "lang=en").text, named: name + "-en")
            }

            // Staff: the Government Office, a handling agency, an admin
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            try expectSnapshot(try await vpcp.get(Site.inbox.path).text, named: "inbox-vpcp")
            try expectSnapshot(try await vpcp.get(Site.staffCase(.value(code)).path).text, named: "case-vpcp")
            try expectSnapshot(try await vpcp.get(Site.paperIntake.path).text, named: "paper-intake")
            let assigned = try await vpcp.act(code, "assigned", [("leadAgency", "HCM"), ("coordinatingAgencies", "BTC")])
            #expect(assigned.status == .seeOther)
            let officer = Browser(client)
            try await officer.signIn("hcm-officer")
            try expectSnapshot(try await officer.get(Site.inbox.path).text, named: "inbox-officer")
            try expectSnapshot(try await officer.get(Site.staffCase(.value(code)).path).text, named: "case-officer")
            let admin = Browser(client)
            try await admin.signIn("admin")
            let adminPages: [(String, Site)] = [
                ("admin-accounts", .accounts), ("admin-agencies", .agencies), ("admin-fields", .fields), ("admin-log", .securityLog),
                ("admin-calendar", .workingCalendar),
            ]
            for (name, page) in adminPages {
                try expectSnapshot(try await admin.get(page.path).text, named: name)
            }
        }
    }
}

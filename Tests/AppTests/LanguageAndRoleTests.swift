import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Issue 10 §2: the other language is the same page, charts and holidays follow the language,
/// and staff see only the links their role may use.
@Suite struct LanguageAndRoleTests {
    @Test func theOtherLanguageIsTheSamePage() async throws {
        try await withApp { client, _ in
            let search = try await client.execute(uri: "/tim-kiem?q=s%E1%BB%95+%C4%91%E1%BB%8F&page=2", method: .get).text
            #expect(search.contains(#"href="/tim-kiem?q=s%E1%BB%95+%C4%91%E1%BB%8F&amp;page=2&amp;lang=en""#))
            let english = try await client.execute(uri: "/tra-cuu?ma=PAKN-2026-000001&lang=en", method: .get).text
            #expect(english.contains(#"href="/tra-cuu?ma=PAKN-2026-000001&amp;lang=vi""#))
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains(#"href="/?lang=en""#))
            // A page reached by a path that would lead elsewhere links home instead.
            let odd = try await client.execute(uri: "//elsewhere.example/x", method: .get).text
            #expect(!odd.contains("href=\"//elsewhere") && odd.contains(#"href="/?lang=en""#))
        }
    }

    @Test func chartsAreAddressedByTheirLanguage() async throws {
        try await withApp { client, _ in
            let page = try await client.execute(uri: "/thong-ke?lang=en", method: .get).text
            #expect(page.contains("/thong-ke/bieu-do/thang.svg?tu="))
            #expect(page.contains("&amp;lang=en"))
            #expect(!page.contains("&amp;lang=vi"))
        }
    }

    /// Issue 10 §2: a phone gets charts drawn for its width, so their text stays legible.
    @Test func phonesGetNarrowCharts() async throws {
        try await withApp { client, _ in
            let page = try await client.execute(uri: "/thong-ke", method: .get).text
            #expect(page.contains(#"<source media="(max-width: 40em)""#) && page.contains("&amp;rong=320"))
            for chart in ["thang.svg", "dung-han.svg", "loai.svg"] {
                let narrow = try await client.execute(uri: "/thong-ke/bieu-do/\(chart)?rong=320", method: .get)
                #expect(narrow.status == .ok)
                #expect(narrow.text.contains(#"viewBox="0 0 320 "#) || narrow.text.contains(#"width="320""#))
            }
            let odd = try await client.execute(uri: "/thong-ke/bieu-do/thang.svg?rong=5000", method: .get)
            #expect(odd.status == .unprocessableContent)
        }
    }

    @Test func theEnglishCalendarNamesTheHolidaysInEnglish() async throws {
        try await withApp { client, _ in
            let page = try await client.execute(uri: "/lich-lam-viec/2026?lang=en", method: .get).text
            #expect(page.contains("New Year&#39;s Day") || page.contains("New Year's Day"))
            #expect(page.contains("Reunification Day"))
            // The official schedule's own days keep their Vietnamese name, marked as such.
            #expect(page.contains(#"<td lang="vi">"#))
            let vietnamese = try await client.execute(uri: "/lich-lam-viec/2026", method: .get).text
            #expect(vietnamese.contains("Tết Dương lịch") && !vietnamese.contains("Reunification Day"))
        }
    }

    @Test func staffSeeOnlyTheLinksTheyMayUse() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let observer = Browser(client)
            try await observer.signIn("observer")
            let seen = try await observer.get("/").text
            #expect(!seen.contains(Site.paperIntake.path))
            #expect(seen.contains(#"role="region""#))
            let officer = Browser(client)
            try await officer.signIn("btc-officer")
            #expect(try await officer.get("/").text.contains(Site.paperIntake.path))
        }
    }

    @Test func datesAreTypedAndShownAsDayMonthYear() async throws {
        #expect(CivilDate(entered: "01/12/2026") == CivilDate(year: 2026, month: 12, day: 1))
        #expect(CivilDate(entered: " 1/2/2026 ") == CivilDate(year: 2026, month: 2, day: 1))
        #expect(CivilDate(entered: "2026-12-01") == CivilDate(year: 2026, month: 12, day: 1))
        #expect(CivilDate(entered: "01.12.2026") == CivilDate(year: 2026, month: 12, day: 1))
        for bad in ["31/02/2026", "12/2026", "2026/12/01", "1/12/26", "abc", "", "01/12/2026x"] {
            #expect(CivilDate(entered: bad) == nil, "\(bad)")
        }
        try await withApp { client, _ in
            let march = try await client.execute(uri: "/thong-ke?tu=01/03/2026&den=31/03/2026", method: .get)
            #expect(march.status == .ok)
            #expect(march.text.contains(#"value="01/03/2026""#) && march.text.contains(#"value="31/03/2026""#))
            let wrong = try await client.execute(uri: "/thong-ke?tu=32/13/2026&den=31/03/2026", method: .get)
            #expect(wrong.status == .unprocessableContent)
            let page = wrong.text
            #expect(page.contains(#"value="32/13/2026""#) && page.contains(#"aria-describedby="tu-error""#))
            #expect(page.contains("Ngày không hợp lệ") && !page.contains("from:"))
            let reversed = try await client.execute(uri: "/thong-ke?tu=31/03/2026&den=01/03/2026", method: .get)
            #expect(reversed.status == .unprocessableContent && reversed.text.contains("Ngày bắt đầu phải trước"))
            let answers = try await client.execute(uri: "/tra-loi?from=hôm+qua&category=conduct", method: .get)
            #expect(answers.status == .unprocessableContent)
            #expect(answers.text.contains(#"id="from-error""#) && answers.text.contains(#"value="hôm qua""#))
            // The valid filters still apply.
            #expect(answers.text.contains(#"<option value="conduct" selected>"#))
            let english = try await client.execute(uri: "/tra-loi?to=2026-99-01&lang=en", method: .get).text
            #expect(english.contains("Not a date"))
        }
    }

    /// Issue 10 §2: every shown time carries its machine-readable moment.
    @Test func timesCarryTheirMoment() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let tracking = try await client.execute(uri: "/tra-cuu?ma=\(code)", method: .get).text
            #expect(tracking.contains(#"<time datetime="20"#))
            let staff = Browser(client)
            try await staff.signIn("vpcp")
            let casePage = try await staff.get(Site.staffCase(.value(code)).path).text
            for page in [tracking, casePage] {
                #expect(!page.contains("<time>"))
                for match in page.matches(of: /<time datetime="([^"]+)">/) { #expect(Timestamp.date(String(match.1)) != nil) }
            }
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// The statistics pages and API read the rollups kept with the events: every figure follows
/// an agency filter, a past period stays as it was, prolonged cases are listed.
@Suite struct StatisticsAppTests {
    @Test func everyFigureFollowsTheAgencyFilter() async throws {
        let clock = TestClock(vietnamMorning("2026-03-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            for (i, agency) in ["BTC", "BTC", "BYT"].enumerated() {
                let (code, _) = try await submitPetition(client) {
                    $0["category"] = i == 2 ? "proposal" : "regulation"
                    $0["field"] = nil
                }
                try await vpcp.act(code, "assigned", ["leadAgency": agency])
            }
            let all = try await client.execute(uri: "/api/v1/stats?from=2026-03-01&to=2026-03-31", method: .get).json()
            #expect((all["overall"] as? [String: Any])?["received"] as? Int == 3)
            let btc = try await client.execute(uri: "/api/v1/stats?from=2026-03-01&to=2026-03-31&agency=BTC", method: .get).json()
            #expect((btc["overall"] as? [String: Any])?["received"] as? Int == 2)
            #expect((btc["months"] as? [[String: Any]])?.first?["received"] as? Int == 2)
            #expect((btc["categories"] as? [String: Int]) == ["conduct": 0, "regulation": 2, "proposal": 0])
            #expect((btc["agencies"] as? [Any])?.isEmpty == true)
            let unknown = try await client.execute(uri: "/api/v1/stats?agency=XYZ", method: .get)
            #expect(unknown.status == .unprocessableContent)
            let far = try await client.execute(uri: "/api/v1/stats?from=0001-01-01&to=9999-12-31", method: .get)
            #expect(far.status == .unprocessableContent)
        }
    }

    @Test func aPastPeriodDoesNotMoveAndProlongedCasesAreListed() async throws {
        let clock = TestClock(vietnamMorning("2026-03-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let officer = try await APIUser.signIn(client, "hcm-officer")
            let (code, _) = try await submitPetition(client)
            try await vpcp.act(code, "assigned", ["leadAgency": "HCM"])
            try await officer.act(code, "acknowledged")
            let march = "/api/v1/stats?from=2026-03-01&to=2026-03-31"
            let before = try await client.execute(uri: march, method: .get).text
            // Two real updates restart the clock twice without an answer: prolonged.
            clock.advance(86_400 * 35)
            let later = try await APIUser.signIn(client, "hcm-officer")
            #expect(
                try await later.act(code, "progressUpdated", ["note": "Sở đang xác minh hồ sơ với Văn phòng đăng ký đất đai."]).status
                    == .created)
            #expect(
                try await later.act(code, "progressUpdated", ["note": "Sở đã có kết quả xác minh, đang dự thảo văn bản trả lời."]).status
                    == .created)
            let conduct = try await client.execute(uri: "/api/v1/agencies/conduct?from=2026-03-01&to=2026-04-30", method: .get).text
            #expect(conduct.contains("\"prolonged\"") && conduct.contains(code))
            let page = try await client.execute(uri: "/danh-gia-co-quan?tu=2026-03-01&den=2026-04-30", method: .get).text
            #expect(page.contains("PAKN kéo dài") && page.contains(code))
            // Later events and the passing of time leave March's figures as they were.
            clock.advance(86_400 * 60)
            #expect(try await client.execute(uri: march, method: .get).text == before)
        }
    }

    /// The conduct page shows the first codes of each reason and links to all of them.
    @Test func theEvidencePageListsEveryCaseBehindAReason() async throws {
        let clock = TestClock(vietnamMorning("2026-03-02"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            var codes: [String] = []
            for _ in 0..<(ConductPage.codesShown + 2) {
                let (code, _) = try await submitPetition(client) {
                    $0["category"] = "regulation"
                    $0["field"] = nil
                }
                try await vpcp.act(code, "assigned", ["leadAgency": "BTC"])
                codes.append(code)
            }
            // Forty days on, every answer is overdue.
            clock.advance(86_400 * 40)
            let period = "tu=2026-03-01&den=2026-04-30"
            let page = try await client.execute(uri: "/danh-gia-co-quan?\(period)", method: .get).text
            let link = "/danh-gia-co-quan/bang-chung?co-quan=BTC&amp;ly-do=overdueCases&amp;tu=2026-03-01&amp;den=2026-04-30"
            #expect(page.contains(link))
            #expect(page.contains("thêm 2 PAKN"))
            #expect(codes.filter { page.contains($0) }.count == ConductPage.codesShown)
            let evidence = try await client.execute(uri: link.replacingOccurrences(of: "&amp;", with: "&"), method: .get)
            #expect(evidence.status == .ok)
            let text = evidence.text
            #expect(codes.allSatisfy { text.contains($0) })
            #expect(text.contains("PAKN đang quá hạn") && text.contains("Bộ Tài chính"))
            // Bad input names its fields.
            let bad = try await client.execute(uri: "/danh-gia-co-quan/bang-chung?co-quan=XYZ&ly-do=lazy&trang=0", method: .get)
            #expect(bad.status == .unprocessableContent)
            for field in ["co-quan", "ly-do", "trang"] { #expect(bad.text.contains(field)) }
            let none = try await client.execute(uri: "/danh-gia-co-quan/bang-chung?co-quan=BYT&ly-do=lateAnswers&\(period)", method: .get)
            #expect(none.status == .ok && none.text.contains("Không có PAKN nào"))
        }
    }
}

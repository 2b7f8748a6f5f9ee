import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import Testing

@testable import App
@testable import LangNgheStorage

@Suite struct PortalTests {
    @Test func publishedAnswersShowNoPersonalData() async throws {
        try await withApp { client, store in
            let (code, _) = try await file(
                client, title: "Chậm cấp sổ đỏ, gọi 0912 345 678",
                content: "Tôi ở số 5 Lê Lợi, email an@example.vn, CCCD 001234567890, chờ sổ đỏ đã lâu.", publishName: true)
            let (hidden, _) = try await file(client, title: "Phí BOT quá cao", content: "Đề nghị xem xét mức phí trạm BOT trên quốc lộ 1.")
            // Not yet answered: not public.
            #expect(try await client.execute(uri: "/api/v1/answers/\(code)", method: .get).status == .notFound)
            try await publish(code, in: store, answer: "Sở Tài nguyên và Môi trường trả lời: hồ sơ sẽ được giải quyết.")
            try await publish(hidden, in: store, agency: "BXD", answer: "Bộ Xây dựng trả lời về phí BOT.")

            // The approver masks the personal data of the title and content, as events.
            let staff = Principal.staff(StaffIdentity(id: 1, username: "x", agencyCode: "VPCP", role: .coordinator))
            let cases = CaseService(
                store: store, environment: .live, catalogue: try Catalogue.bundled(), passphrase: Settings().caPassphrase
            ) { "[" + $0.code + "]" }
            _ = try await cases.act(.redacted, input: EventInput(["target": "title"]), by: staff, on: TrackingCode(code)!, ip: "test")
            _ = try await cases.act(.redacted, input: EventInput(["target": "content"]), by: staff, on: TrackingCode(code)!, ip: "test")

            let answer = try await client.execute(uri: "/api/v1/answers/\(code)", method: .get).json()
            #expect(answer["title"] as? String == "Chậm cấp sổ đỏ, gọi [phone]")
            #expect((answer["content"] as? String)?.contains("[email]") == true)
            #expect((answer["content"] as? String)?.contains("001234567890") == false)
            #expect(answer["submitterName"] as? String == "Nguyễn Văn An")
            let page = try await client.execute(uri: "/tra-loi/\(code)", method: .get).text
            for secret in ["0912 345 678", "an@example.vn", "001234567890", "an.nguyen@example.vn", "Phường Sài Gòn"] {
                #expect(!page.contains(secret), "the answer page shows \(secret)")
            }
            // The original stays with the case, for those allowed.
            #expect(try await store.petition(TrackingCode(code)!)?.title == "Chậm cấp sổ đỏ, gọi 0912 345 678")
            // No consent, no name.
            #expect(try await client.execute(uri: "/api/v1/answers/\(hidden)", method: .get).json()["submitterName"] == nil)
            // Filters.
            let byAgency = try await client.execute(uri: "/api/v1/answers?agency=BXD", method: .get).json()
            #expect(byAgency["total"] as? Int == 1)
            let bad = try await client.execute(uri: "/api/v1/answers?from=2026-13-01&category=nope", method: .get)
            #expect(bad.status == .unprocessableContent)
            #expect(
                Set(((try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String])?.keys.map { $0 } ?? []) == [
                    "from", "category",
                ])
            let list = try await client.execute(uri: "/tra-loi?agency=HCM", method: .get).text
            #expect(list.contains(code) && !list.contains(hidden))
        }
    }

    /// The examples, on whichever database runs the suite: both give these results.
    @Test func vietnameseSearchFindsWithoutAccents() async throws {
        try await withApp { client, store in
            let documents = [
                ("Đường Nguyễn Huệ ngập nước", "Đường Nguyễn Huệ ngập mỗi khi mưa lớn, đề nghị cải tạo cống."),
                ("Chậm cấp sổ đỏ", "Hồ sơ cấp sổ đỏ của tôi chờ đã ba tháng."),
                ("Kiến nghị giảm thủ tục", "Kiến nghị bỏ bớt giấy tờ khi đăng ký kinh doanh."),
                ("Đo đạc lại thửa đất", "Đề nghị đo đạc lại, số đo cũ không đúng."),
            ]
            var codes: [String] = []
            for (title, content) in documents {
                let (code, _) = try await file(client, title: title, content: content)
                try await publish(code, in: store, answer: "Cơ quan đã tiếp nhận và trả lời.")
                codes.append(code)
            }
            func search(_ q: String) async throws -> [String] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let result = try await client.execute(uri: "/api/v1/search?q=\(encoded)", method: .get).json()
                return (result["items"] as? [[String: Any]])?.compactMap { $0["trackingCode"] as? String } ?? []
            }
            #expect(try await search("duong") == [codes[0]])
            #expect(try await search("nguyen hue") == [codes[0]])
            #expect(try await search("Nguyễn Huệ") == [codes[0]])
            #expect(try await search("kien nghi") == [codes[2]])
            // "so do" is in two documents; the one with the words side by side ranks first.
            #expect(try await search("so do") == [codes[1], codes[3]])
            // Typed with accents, the exact match ranks first.
            #expect(try await search("số đo").first == codes[3])
            #expect(try await search("").isEmpty)
            #expect(try await search("khongcogi").isEmpty)
            #expect(try await search("\"; DROP TABLE petitions; --").isEmpty)
            let page = try await client.execute(uri: "/tim-kiem?q=nguyen+hue", method: .get).text
            #expect(page.contains("<mark>Nguyễn</mark>"))
            #expect(page.contains(codes[0]))
        }
    }

    /// Beyond the ranking window the newest matches are ranked, the older follow newest first,
    /// pages neither repeat nor skip an answer, and the total is an estimate.
    @Test func searchRanksAWindowOfTheNewestMatches() async throws {
        try await withApp { client, store in
            var codes: [String] = []
            // Oldest first; the second has the words side by side in its title, the best match.
            for (index, title) in ["Đường hỏng", "Sửa đường làng", "Đường", "Ngõ và đường", "Đường đất"].enumerated() {
                let (code, _) = try await file(client, title: title, content: "Nội dung số \(index) về con đường trong xã.")
                try await publish(code, in: store, answer: "Đã trả lời.")
                codes.append(code)
            }
            let query = SearchQuery("sua duong")
            let all = try await store.search(query, agency: nil, page: 1, pageSize: 10)
            #expect(all.total == 1 && !all.totalIsEstimate)
            let word = SearchQuery("duong")
            let whole = try await store.search(word, agency: nil, page: 1, pageSize: 10)
            #expect(whole.total == 5 && !whole.totalIsEstimate)
            #expect(Set(whole.answers.map(\.trackingCode.description)) == Set(codes))
            // A window of three: the three newest ranked, then the two older, newest first.
            var seen: [String] = []
            for page in 1...3 {
                let part = try await store.search(word, agency: nil, page: page, pageSize: 2, window: 3)
                #expect(part.totalIsEstimate)
                #expect(part.total == 5)
                // Whether a next page exists is known, not guessed from the estimate.
                #expect(part.hasMore == (page < 3))
                seen += part.answers.map(\.trackingCode.description)
            }
            // Exactly as many matches as the window: counted, not estimated.
            let exact = try await store.search(word, agency: nil, page: 1, pageSize: 10, window: 5)
            #expect(exact.total == 5 && !exact.totalIsEstimate && !exact.hasMore)
            #expect(seen.count == 5 && Set(seen) == Set(codes))
            #expect(Set(seen.prefix(3)) == Set(codes.suffix(3)))
            #expect(Array(seen.suffix(2)) == [codes[1], codes[0]])
            // The same with an agency's filter.
            let filtered = try await store.search(word, agency: "HCM", page: 2, pageSize: 2, window: 3)
            #expect(filtered.answers.map(\.trackingCode.description) == [seen[2], seen[3]])
            // The API says when its total is an estimate.
            let json = try await client.execute(uri: "/api/v1/search?q=duong", method: .get).json()
            #expect(json["total"] as? Int == 5 && json["totalIsEstimate"] as? Bool == false && json["hasMore"] as? Bool == false)
        }
    }

    @Test func estimatesAreRoundedToTwoDigits() {
        #expect(Store.roughly(41_956) == 42_000)
        #expect(Store.roughly(1_049) == 1_000)
        #expect(Store.roughly(99.6) == 100)
        #expect(Store.roughly(87) == 87)
        #expect(Store.roughly(1_250_000) == 1_300_000)
    }

    @Test func statisticsAndTheDashboard() async throws {
        try await withApp { client, store in
            for index in 0..<3 {
                let (code, _) = try await file(
                    client, title: "Phản ánh số \(index)", content: "Nội dung phản ánh thứ \(index) về thủ tục hành chính.")
                if index < 2 { try await publish(code, in: store, answer: "Đã trả lời.") }
            }
            let stats = try await client.execute(uri: "/api/v1/stats", method: .get).json()
            let overall = try #require(stats["overall"] as? [String: Any])
            #expect(overall["received"] as? Int == 3)
            #expect(overall["answered"] as? Int == 2)
            #expect(overall["answeredOnTime"] as? Int == 2)
            let hcm = try await client.execute(uri: "/api/v1/stats?agency=HCM", method: .get).json()
            #expect((hcm["overall"] as? [String: Any])?["answered"] as? Int == 2)
            #expect(try await client.execute(uri: "/api/v1/stats?agency=NOPE", method: .get).status == .unprocessableContent)
            #expect(
                try await client.execute(uri: "/api/v1/stats?from=2026-12-01&to=2026-01-01", method: .get).status == .unprocessableContent)
            let dashboard = try await client.execute(uri: "/thong-ke", method: .get)
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("<img src=\"/thong-ke/bieu-do/thang.svg"))
            #expect(dashboard.text.contains("alt=\""))
            for chart in ["thang.svg", "dung-han.svg", "loai.svg"] {
                let svg = try await client.execute(uri: "/thong-ke/bieu-do/\(chart)", method: .get)
                #expect(svg.status == .ok)
                #expect(svg.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                #expect(svg.text.contains("<title>"))
                #expect(!svg.text.contains("<script"))
            }
            let conduct = try await client.execute(uri: "/api/v1/agencies/conduct", method: .get).json()
            #expect((conduct["criteria"] as? [String: Any])?["minimumCases"] as? Int == 10)
            #expect(try await client.execute(uri: "/danh-gia-co-quan", method: .get).status == .ok)
        }
    }

    @Test func exportsAndFeeds() async throws {
        try await withApp { client, store in
            let (code, _) = try await file(
                client, title: "Ý kiến, có dấu phẩy \"và ngoặc\"", content: "=HYPERLINK(\"x\") nội dung dài hơn hai mươi ký tự.")
            try await publish(code, in: store, answer: "Trả lời\ncó xuống dòng")
            let csv = try await client.execute(uri: "/api/v1/exports/answers.csv", method: .get)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let text = csv.text
            #expect(text.contains("\"Ý kiến, có dấu phẩy \"\"và ngoặc\"\"\""))
            #expect(text.contains("'=HYPERLINK"))
            #expect(text.contains("\"Trả lời\ncó xuống dòng\""))
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(buffer: try await client.execute(uri: "/api/v1/exports/answers.json", method: .get).body))
                as? [[String: Any]]
            #expect(json?.count == 1)
            #expect(json?.first?["trackingCode"] as? String == code)
            #expect(json?.first?.keys.contains("phone") == false)
            let feed = try await client.execute(uri: "/feeds/answers.atom", method: .get)
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            #expect(feed.text.contains("<entry>"))
            #expect(feed.text.contains("&quot;và ngoặc&quot;"))
            #expect(try await client.execute(uri: "/feeds/agencies/HCM.atom", method: .get).text.contains("<entry>"))
            #expect(try await client.execute(uri: "/feeds/agencies/NOPE.atom", method: .get).status == .notFound)
        }
    }
}

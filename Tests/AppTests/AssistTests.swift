import Foundation
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Issue 15: duplicates and repeated complaints at screening, answers reused, routing suggested.
@Suite struct AssistTests {
    static let title = "Chậm cấp Giấy chứng nhận quyền sử dụng đất tại phường Tân Định"
    static let content =
        "Tôi nộp hồ sơ cấp Giấy chứng nhận quyền sử dụng đất cho thửa đất của gia đình tại phường Tân Định từ ngày 5/3, được hẹn "
        + "trả kết quả sau 30 ngày nhưng đến nay đã quá hạn hai tháng vẫn chưa nhận được, cũng không có văn bản nào giải thích lý do."
    static let rewordedTitle = "Hồ sơ cấp sổ đỏ ở phường Tân Định bị trễ hẹn"
    static let rewordedContent =
        "Gia đình tôi đã nộp đủ hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng đất tại phường Tân Định từ đầu tháng 3, theo giấy "
        + "hẹn thì sau 30 ngày có kết quả, nhưng đã quá hạn hơn hai tháng mà chưa được cấp và không ai giải thích lý do chậm."
    static let otherTitle = "Quy định diện tích tối thiểu tách thửa đất ở chưa phù hợp"
    static let otherContent =
        "Gia đình tôi muốn tách một phần thửa đất để tặng cho con nhưng bị từ chối vì diện tích sau khi tách nhỏ hơn mức tối thiểu "
        + "do tỉnh quy định. Đề nghị xem xét điều chỉnh quy định về diện tích tối thiểu được tách thửa cho phù hợp thực tế."

    /// Files a petition as someone else (another phone and e-mail).
    static func fileAsStranger(_ client: any TestClientProtocol, title: String, content: String, phone: String = "0987 111 222")
        async throws
        -> String
    {
        try await submitPetition(client) { body in
            body["title"] = title
            body["content"] = content
            body["submitter"] = [
                "type": "individual", "name": "Lê Thị Hoa", "address": "Số 3 Hai Bà Trưng, Phường Tân Định, TP. Hồ Chí Minh",
                "phone": phone, "email": "hoa.le\(phone.filter(\.isNumber))@example.vn",
            ]
        }.0
    }

    static func items(_ response: TestResponse) throws -> [[String: Any]] {
        try response.json()["items"] as? [[String: Any]] ?? []
    }

    @Test func duplicatesAreFlaggedAtScreeningAndMergedInOneStep() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (first, _) = try await file(client, title: Self.title, content: Self.content)
            let identical = try await Self.fileAsStranger(client, title: Self.title, content: Self.content)
            let reworded = try await Self.fileAsStranger(
                client, title: Self.rewordedTitle, content: Self.rewordedContent, phone: "0987 333 444")
            let other = try await Self.fileAsStranger(client, title: Self.otherTitle, content: Self.otherContent, phone: "0987 555 666")
            let vpcp = try await APIUser.signIn(client, "vpcp")
            for code in [identical, reworded] {
                let found = try Self.items(try await vpcp.get("/api/v1/petitions/\(code)/similar"))
                let match = try #require(found.first { $0["trackingCode"] as? String == first }, "\(code): \(found)")
                #expect(match["duplicate"] as? Bool == true)
                #expect(match["repeatedComplaint"] as? Bool == false)
            }
            // Another matter of the same field is not a duplicate.
            let otherFound = try Self.items(try await vpcp.get("/api/v1/petitions/\(other)/similar"))
            #expect(!otherFound.contains { $0["trackingCode"] as? String == first && $0["duplicate"] as? Bool == true })

            // At screening the coordinator sees the duplicate and merges in one step.
            let browser = Browser(client)
            try await browser.signIn("vpcp")
            let page = try await browser.get(Site.staffCase(.value(reworded)).path).text
            #expect(page.contains("Có thể trùng"))
            #expect(page.contains("name=\"into\" value=\"\(first)\""))
            let merged = try await browser.post(
                Site.caseEvents(.value(reworded)).path, fields: [("type", "merged"), ("into", first)], csrf: Browser.csrfToken(in: page))
            #expect(merged.status == .seeOther || merged.status == .found)
            let record = try #require(try await store.petition(TrackingCode(reworded)!))
            #expect(record.status == .closed)
            #expect(try await store.petition(TrackingCode(first)!)?.status == .received)
            // The later submitter is told.
            #expect(try await store.notifications(of: TrackingCode(reworded)!).contains { $0.kind == Notice.Kind.merged.rawValue })
        }
    }

    @Test func othersSeeOnlyWhatTheyMay() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (first, _) = try await file(client, title: Self.title, content: Self.content)
            let second = try await Self.fileAsStranger(client, title: Self.title, content: Self.content)
            try await publish(second, in: store, agency: "HCM", answer: "Đã chỉ đạo cấp Giấy chứng nhận trong 10 ngày làm việc.")
            // Anonymous and without a token: refused.
            #expect(try await client.execute(uri: "/api/v1/petitions/\(second)/similar", method: .get).status == .unauthorized)
            // HCM's officer handles `second`: sees it, but not the other case, still at VPCP's screening.
            let hcm = try await APIUser.signIn(client, "hcm-officer")
            let seen = try Self.items(try await hcm.get("/api/v1/petitions/\(second)/similar"))
            #expect(!seen.contains { $0["trackingCode"] as? String == first })
            // BTC's officer may not see `second` at all.
            let btc = try await APIUser.signIn(client, "btc-officer")
            #expect(try await btc.get("/api/v1/petitions/\(second)/similar").status == .forbidden)
            // The coordinator sees both ways.
            let vpcp = try await APIUser.signIn(client, "vpcp")
            #expect(
                try Self.items(try await vpcp.get("/api/v1/petitions/\(second)/similar")).contains {
                    $0["trackingCode"] as? String == first
                })
        }
    }

    @Test func aRepeatedComplaintIsFlaggedAndMayGoUpOnThatGround() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (answered, _) = try await file(client, title: Self.title, content: Self.content)
            try await publish(answered, in: store, agency: "HCM", answer: "Hồ sơ sẽ được giải quyết trong 10 ngày làm việc.")
            // The same submitter (same phone and e-mail) writes again on the same matter.
            let (again, _) = try await file(
                client, title: Self.rewordedTitle, content: Self.rewordedContent + " Tôi đã được trả lời nhưng vẫn chưa được cấp.")
            let stranger = try await Self.fileAsStranger(client, title: Self.rewordedTitle, content: Self.rewordedContent)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let found = try Self.items(try await vpcp.get("/api/v1/petitions/\(again)/similar"))
            let match = try #require(found.first { $0["trackingCode"] as? String == answered })
            #expect(match["repeatedComplaint"] as? Bool == true)
            let strangers = try Self.items(try await vpcp.get("/api/v1/petitions/\(stranger)/similar"))
            #expect(strangers.first { $0["trackingCode"] as? String == answered }?["repeatedComplaint"] as? Bool == false)

            // The case page offers escalation on that ground, with the form filled in.
            let browser = Browser(client)
            try await browser.signIn("vpcp")
            let page = try await browser.get(Site.staffCase(.value(again)).path).text
            #expect(page.contains("Phản ánh lặp lại sau khi đã trả lời"))
            let filled = try await browser.get(Site.staffCase(.value(again)).path + "?lap-lai=\(answered)").text
            #expect(filled.contains("name=\"repeatOf\" value=\"\(answered)\""))

            // Only a repetition the assistant finds may be named.
            let refused = try await vpcp.act(
                stranger, "escalated", ["reason": "repeatedComplaint", "summary": "Đề nghị xem xét.", "repeatOf": answered])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("repeatOf"))
            let escalated = try await vpcp.act(
                again, "escalated", ["reason": "repeatedComplaint", "summary": "Đề nghị Thủ tướng chỉ đạo.", "repeatOf": answered])
            #expect(escalated.status == .created, "\(escalated.text)")
            #expect(try await store.petition(TrackingCode(again)!)?.status == .escalated)

            // The keys that matched are keyed hashes, never the phone or the address.
            let keys = try await store.database.read { db in try await db.query("SELECT key FROM submitter_keys") }.compactMap {
                $0.string("key")
            }
            #expect(!keys.isEmpty)
            #expect(!keys.contains { $0.contains("0912") || $0.contains("example.vn") })
        }
    }

    @Test func thePublicSeesOnlyPublishedAnswers() async throws {
        try await withApp { client, store in
            let (unpublished, _) = try await file(client, title: Self.title, content: Self.content)
            let published = try await Self.fileAsStranger(client, title: Self.rewordedTitle, content: Self.rewordedContent)
            try await publish(published, in: store, agency: "HCM", answer: "Giấy chứng nhận sẽ được trả trong 10 ngày làm việc.")
            let query = (Self.title + " " + Self.content).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await client.execute(uri: "/api/v1/similar?text=\(query)", method: .get)
            #expect(response.status == .ok)
            let items = try Self.items(response)
            #expect(items.map { $0["trackingCode"] as? String } == [published])
            #expect(items.first?["title"] as? String == Self.rewordedTitle)
            #expect(!response.text.contains(unpublished))
            #expect(!response.text.contains("0987"))
            // Bad input is named.
            let missing = try await client.execute(uri: "/api/v1/similar", method: .get)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("\"text\""))
            let long = try await client.execute(uri: "/api/v1/similar?text=" + String(repeating: "a", count: 2_001), method: .get)
            #expect(long.status == .unprocessableContent)
        }
    }

    @Test func theFormOffersPublishedAnswersBeforeFiling() async throws {
        try await withApp { client, store in
            let published = try await Self.fileAsStranger(client, title: Self.rewordedTitle, content: Self.rewordedContent)
            try await publish(published, in: store, agency: "HCM", answer: "Giấy chứng nhận sẽ được trả trong 10 ngày làm việc.")
            let before = try await store.petitionCount()
            let browser = Browser(client)
            let token = try #require(Browser.csrfToken(in: try await browser.get(Site.submit.path).text))
            let fields = validFormFields.map { $0.0 == "title" ? ($0.0, Self.title) : $0.0 == "content" ? ($0.0, Self.content) : $0 }
            let page = try await browser.post(Site.submit.path, fields: fields + [("similar", "1")], csrf: token, multipart: true)
            #expect(page.status == .ok)
            #expect(page.text.contains(Site.answer(.value(published)).path))
            #expect(page.text.contains("Có thể câu hỏi của bạn đã được trả lời"))
            // The form comes back as typed, and nothing was filed.
            #expect(page.text.contains(">\(Self.content)</textarea>"))
            #expect(try await store.petitionCount() == before)
        }
    }

    @Test func aDraftMayStartFromAPublishedAnswerAndSaysSo() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let answer = "Sở Nông nghiệp và Môi trường sẽ trả Giấy chứng nhận trong 10 ngày làm việc."
            let published = try await Self.fileAsStranger(client, title: Self.rewordedTitle, content: Self.rewordedContent)
            try await publish(published, in: store, agency: "HCM", answer: answer)
            let (code, _) = try await file(client, title: Self.title, content: Self.content)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            #expect(try await vpcp.act(code, "assigned", ["leadAgency": "HCM"]).status == .created)
            let officer = try await APIUser.signIn(client, "hcm-officer")
            #expect(try await officer.act(code, "acknowledged").status == .created)

            let browser = Browser(client)
            try await browser.signIn("hcm-officer")
            let page = try await browser.get(Site.staffCase(.value(code)).path).text
            #expect(page.contains("?nguon=\(published)"))
            let filled = try await browser.get(Site.staffCase(.value(code)).path + "?nguon=\(published)").text
            #expect(filled.contains(">\(answer)</textarea>"))
            #expect(filled.contains("name=\"source\" value=\"\(published)\""))

            // The source must be a published answer.
            let refused = try await officer.act(code, "answerDrafted", ["content": answer, "source": code])
            #expect(refused.status == .unprocessableContent)
            #expect(try await officer.act(code, "answerDrafted", ["content": answer, "source": published]).status == .created)
            let drafted = try #require(try await store.petition(TrackingCode(code)!)?.events.last?.body as? AnswerDrafted)
            #expect(drafted.source == published)
        }
    }

    @Test func routingIsSuggestedOnlyToCoordinatorsAndTheChoiceIsRecorded() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            try await DemoSeeder(store: store, count: 300, seed: 2026, until: Date()).run()
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let body = jsonBuffer([
                "title": "Bất hợp lý trong thu phí đối với người dân sống gần trạm thu phí BOT",
                "content": "Người dân sống gần trạm thu phí BOT phải trả phí mỗi lần đi qua dù chỉ đi lại trong xã.",
            ])
            let response = try await client.execute(uri: "/api/v1/assist/routing", method: .post, headers: vpcp.headers, body: body)
            #expect(response.status == .ok)
            let agencies = try response.json()["agencies"] as? [[String: Any]] ?? []
            #expect(agencies.first?["code"] as? String == "BXD", "\(agencies)")
            #expect((try response.json()["fields"] as? [[String: Any]])?.first?["code"] as? String == "transport")
            // Not for agencies, not for strangers; bad input named.
            let officer = try await APIUser.signIn(client, "hcm-officer")
            #expect(
                try await client.execute(uri: "/api/v1/assist/routing", method: .post, headers: officer.headers, body: body).status
                    == .forbidden)
            #expect(
                try await client.execute(uri: "/api/v1/assist/routing", method: .post, headers: jsonHeaders, body: body).status
                    == .unauthorized)
            let empty = try await client.execute(
                uri: "/api/v1/assist/routing", method: .post, headers: vpcp.headers, body: jsonBuffer(["title": " "]))
            #expect(empty.status == .unprocessableContent)
            let wrong = try await client.execute(
                uri: "/api/v1/assist/routing", method: .post, headers: vpcp.headers, body: jsonBuffer(["title": 5]))
            #expect(wrong.text.contains("\"title\""))

            // A routing records what was suggested — the server's suggestion, not the form's.
            let (code, _) = try await file(
                client, title: "Trạm thu phí BOT thu phí người dân địa phương",
                content: "Đề nghị miễn phí qua trạm BOT cho người dân sống gần trạm.")
            #expect(
                try await vpcp.act(code, "assigned", ["leadAgency": "HCM", "suggestedAgency": "VPCP", "suggestionPercent": "100"]).status
                    == .created)
            let assigned = try #require(try await store.petition(TrackingCode(code)!)?.events.last?.body as? Assigned)
            #expect(assigned.suggestedAgency == "BXD")
            #expect(assigned.suggestionPercent.map { (1...100).contains($0) } == true)
            #expect(assigned.followedSuggestion == false)
            #expect(try await store.routingOutcomes() == RoutingOutcomes(suggested: 1, matched: 0))
        }
    }

    /// Issue 15 §3: measured on the labelled pairs written for the tests (reworded duplicates, and
    /// different matters of one field and place), as the server decides: bands, then the cosine.
    @Test func duplicatesAreFoundOnTheLabelledPairs() throws {
        let set = try DuplicatePairs.bundled()
        #expect(set.pairs.count >= 200)
        #expect(Set(set.pairs.map(\.id)).count == set.pairs.count)
        let pairs = set.labelled
        #expect(pairs.filter(\.duplicate).count >= 100 && pairs.filter { !$0.duplicate }.count >= 100)
        let result = AssistEvaluation.duplicates(pairs, weights: DuplicatePairs.weights(for: pairs))
        print(
            "duplicates on \(pairs.count) labelled pairs: precision \(result.precision), recall \(result.recall), \(result.missedByBands) missed by the bands"
        )
        #expect(result.precision >= 0.85)
        #expect(result.recall >= 0.85)
    }

    @Test func casesStoredBeforeTheAssistantAreIndexedAtTheNextStart() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (first, _) = try await file(client, title: Self.title, content: Self.content)
            let second = try await Self.fileAsStranger(client, title: Self.title, content: Self.content)
            try await publish(first, in: store, agency: "HCM", answer: "Đã giải quyết.")
            // As a database of version 27 would be: no bands, no keys, and the work marked pending.
            try await store.database.write { db in
                for table in ["case_bands", "answer_bands", "submitter_keys"] { try await db.execute("DELETE FROM \(table)") }
                try await db.execute(
                    "INSERT INTO reference_versions (name, version, loaded_at) VALUES ('assistance-pending', 1, '2026-01-01')")
            }
            let vpcp = try await APIUser.signIn(client, "vpcp")
            #expect(try Self.items(try await vpcp.get("/api/v1/petitions/\(second)/similar")).isEmpty)
            try await store.migrate()
            let counts = try await store.database.read { db in
                try await ["case_bands", "answer_bands", "submitter_keys"].asyncMap { table in
                    try await db.first("SELECT COUNT(*) AS n FROM \(table)")?.int("n") ?? 0
                }
            }
            #expect(counts == [2 * MinHash.bands, MinHash.bands, 4])
            let found = try Self.items(try await vpcp.get("/api/v1/petitions/\(second)/similar"))
            #expect(found.first?["trackingCode"] as? String == first)
            #expect(
                try await store.database.read { db in
                    try await db.first("SELECT name FROM reference_versions WHERE name = 'assistance-pending'")
                } == nil)
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// The other paths of the issue, through the web forms: refusal with a code, return and
/// re-assignment, the submitter's rating and follow-up on the tracking page, escalation and
/// decision, and masking personal data before publication.
@Suite struct BackOfficePathsWebTests {
    @Test func aRefusalWithItsCodeIsExplainedToThePublic() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            #expect(try await vpcp.act(code, "rejected", [("reasonCode", "outOfScopeComplaint")]).status == .seeOther)
            let tracking = try await Browser(client).get("/tra-cuu?ma=\(code)")
            #expect(tracking.text.contains("Không tiếp nhận"))
            #expect(tracking.text.contains("Luật Khiếu nại"))
            let events = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()["events"] as? [[String: Any]]
            #expect(events?.last?["reasonCode"] as? String == "outOfScopeComplaint")
        }
    }

    @Test func returnReassignRateFollowUpEscalateDecideAndMask() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await submitPetition(client)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            try await vpcp.act(code, "assigned", [("leadAgency", "BNV")])
            let bnv = Browser(client)
            try await bnv.signIn("bnv-officer")
            #expect(try await bnv.act(code, "returned", [("reason", "Không thuộc thẩm quyền")]).status == .seeOther)
            #expect(try await store.petition(TrackingCode(code)!)?.status == .received)
            try await vpcp.act(code, "assigned", [("leadAgency", "HCM"), ("coordinatingAgencies", "BTC")])
            let leader = Browser(client)
            try await leader.signIn("hcm-leader")
            try await leader.act(code, "acknowledged")
            let officer = Browser(client)
            try await officer.signIn("hcm-officer")
            try await officer.act(code, "answerDrafted", [("content", "Đã giải quyết. Liên hệ 0903 123 456 để biết thêm.")])
            // Before publishing, the approver sees the phone number flagged and masks it.
            let page = try await leader.get(Site.staffCase(.value(code)).path)
            #expect(page.text.contains("Phát hiện thông tin cá nhân"))
            #expect(try await leader.act(code, "redacted", [("target", "answer")]).status == .seeOther)
            try await leader.act(code, "answerApproved", [("password", TestStaff.password)])
            try await leader.act(code, "answerPublished")
            let published = try await client.execute(uri: "/api/v1/answers/\(code)", method: .get).json()
            #expect(published["answer"] as? String == "Đã giải quyết. Liên hệ [số điện thoại đã ẩn] để biết thêm.")

            // The submitter rates and follows up on the tracking page, with the access key.
            let citizen = Browser(client)
            let tracking = try await citizen.get("/tra-cuu?ma=\(code)")
            let token = Browser.csrfToken(in: tracking.text)
            let unlocked = try await citizen.post("/tra-cuu", fields: [("ma", code), ("khoa", key)], csrf: token)
            #expect(unlocked.text.contains("value=\"rated\""))
            // A rating without its score comes back in its own form, the comment kept (issue 10 §2).
            let refused = try await citizen.post(
                Site.trackAction.path,
                fields: [("ma", code), ("khoa", key), ("type", "rated"), ("comment", "Trả lời chậm nhưng rõ ràng.")],
                csrf: token)
            #expect(refused.status == .unprocessableContent)
            let form = try #require(refused.text.range(of: #"<legend>"#).map { String(refused.text[$0.lowerBound...]) })
            #expect(form.contains(#"id="rate-error""#) && form.contains("Trả lời chậm nhưng rõ ràng.</textarea>"))
            let before = refused.text.components(separatedBy: #"<legend>"#).first ?? ""
            #expect(!before.contains(#"class="error""#), "the error is in the rating form, not a page away")
            let rated = try await citizen.post(
                Site.trackAction.path, fields: [("ma", code), ("khoa", key), ("type", "rated"), ("satisfaction", "2")], csrf: token)
            #expect(rated.text.contains("Đã ghi nhận"))
            // A second rating (a double click): the form is gone, so its problem and the comment
            // come above instead of vanishing.
            let again = try await citizen.post(
                Site.trackAction.path,
                fields: [("ma", code), ("khoa", key), ("type", "rated"), ("satisfaction", "5"), ("comment", "Lần hai.")], csrf: token)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains(#"<p class="error" role="alert">"#) && again.text.contains("Lần hai."))
            #expect(!again.text.contains(#"id="rate-error""#))
            let wrongKey = try await citizen.post(
                Site.trackAction.path, fields: [("ma", code), ("khoa", "nope"), ("type", "followedUp"), ("content", "x")], csrf: token)
            #expect(wrongKey.status == .forbidden)
            try await citizen.post(
                Site.trackAction.path,
                fields: [("ma", code), ("khoa", key), ("type", "followedUp"), ("content", "Vẫn chưa được giải quyết.")],
                csrf: token)

            #expect(
                try await vpcp.act(code, "escalated", [("reason", "repeatedComplaint"), ("summary", "Người dân tiếp tục phản ánh")]).status
                    == .seeOther)
            #expect(
                try await vpcp.act(code, "decided", [("decision", "Giao Thành phố rà soát"), ("outcome", "implement")]).status == .seeOther)
            let types = try await store.petition(TrackingCode(code)!)?.events.map(\.type) ?? []
            #expect(types.suffix(5) == [.answerPublished, .rated, .followedUp, .escalated, .decided])
            #expect(types.contains(.redacted) && types.contains(.returned))
            #expect(try await store.petition(TrackingCode(code)!)?.status == .inProgress)
        }
    }
}

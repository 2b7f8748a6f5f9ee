import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

@Suite struct WorkflowAPITests {
    @Test func fromSubmissionToClosure() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let btcOfficer = try await APIUser.signIn(client, "btc-officer")
            let btcLeader = try await APIUser.signIn(client, "btc-leader")
            let bytOfficer = try await APIUser.signIn(client, "byt-officer")
            let submitter = APIUser(client: client, accessKey: key)
            #expect(vpcp.token != nil)

            let assigned = try await vpcp.act(
                code, "assigned", ["leadAgency": "BTC", "coordinatingAgencies": ["BYT", "BNV"], "note": "Chuyển Bộ Tài chính chủ trì"])
            #expect(assigned.status == .created)
            #expect(try assigned.json()["status"] as? String == "assigned")
            #expect(try await btcOfficer.act(code, "acknowledged").status == .created)
            #expect(
                try await btcOfficer.act(code, "coordinationRequested", ["agency": "BYT", "question": "Đề nghị Bộ Y tế cho ý kiến"]).status
                    == .created)
            #expect(try await bytOfficer.act(code, "coordinationReplied", ["reply": "Bộ Y tế thống nhất"]).status == .created)
            #expect(try await btcOfficer.act(code, "answerDrafted", ["content": "Bộ Tài chính trả lời như sau…"]).status == .created)
            // An officer may not approve; the leader does.
            #expect(try await btcOfficer.act(code, "answerApproved", ["password": TestStaff.password]).status == .forbidden)
            #expect(try await btcLeader.act(code, "answerApproved", ["password": TestStaff.password]).status == .created)
            let published = try await btcLeader.act(code, "answerPublished")
            #expect(try published.json()["status"] as? String == "answered")
            #expect(try await submitter.act(code, "rated", ["satisfaction": 5, "comment": "Cảm ơn"]).status == .created)
            let closed = try await vpcp.act(code, "closed")
            #expect(try closed.json()["status"] as? String == "closed")

            // The public sees the answer, not the internal steps.
            let publicView = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
            let types = (publicView["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
            #expect(types == ["submitted", "assigned", "acknowledged", "answerPublished", "rated", "closed"])
            #expect(publicView["agency"] as? String == "BTC")
            let staffEvents =
                try JSONSerialization.jsonObject(with: Data(buffer: try await btcOfficer.get("/api/v1/petitions/\(code)/events").body))
                as? [[String: Any]]
            #expect(staffEvents?.count == 10)
            let anonymousEvents =
                try JSONSerialization.jsonObject(
                    with: Data(buffer: try await client.execute(uri: "/api/v1/petitions/\(code)/events", method: .get).body))
                as? [[String: Any]]
            #expect(anonymousEvents?.count == 6)
            #expect(try await store.securityLog(action: "event").count == 9)
        }
    }

    @Test func disagreementGoesToTheGovernment() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let btc = try await APIUser.signIn(client, "btc-officer")
            try await vpcp.act(code, "assigned", ["leadAgency": "BTC", "coordinatingAgencies": ["BYT"]])
            try await btc.act(code, "acknowledged")
            let escalated = try await vpcp.act(code, "escalated", ["reason": "disagreement", "summary": "Hai bộ chưa thống nhất"])
            #expect(try escalated.json()["status"] as? String == "escalated")
            // Only a coordinator records the Government's decision.
            #expect(try await btc.act(code, "decided", ["decision": "x"]).status == .forbidden)
            let decided = try await vpcp.act(
                code, "decided", ["decision": "Thủ tướng giao Bộ Tài chính chủ trì sửa đổi", "outcome": "implement"])
            #expect(try decided.json()["status"] as? String == "inProgress")
        }
    }

    @Test func aFollowUpAfterTheAnswerCanBeEscalated() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let leader = try await APIUser.signIn(client, "hcm-leader")
            let officer = try await APIUser.signIn(client, "hcm-officer")
            let submitter = APIUser(client: client, accessKey: key)
            try await vpcp.act(code, "assigned", ["leadAgency": "HCM"])
            try await leader.act(code, "acknowledged")
            // Before any answer there is nothing to follow up: a conflict, with its reason.
            let early = try await submitter.act(code, "followedUp", ["content": "Sao chưa trả lời?"])
            #expect(early.status == .conflict)
            #expect((try early.json()["error"] as? [String: Any])?["code"] as? String == "conflict")
            #expect(try await vpcp.act(code, "escalated", ["reason": "repeatedComplaint", "summary": "x"]).status == .conflict)
            try await officer.act(code, "answerDrafted", ["content": "Trả lời"])
            // Four eyes: had the leader drafted it, the leader could not approve it.
            try await leader.act(code, "answerApproved", ["password": TestStaff.password])
            try await leader.act(code, "answerPublished")
            #expect(try await submitter.act(code, "followedUp", ["content": "Câu trả lời chưa thoả đáng"]).status == .created)
            let escalated = try await vpcp.act(
                code, "escalated", ["reason": "repeatedComplaint", "summary": "Người dân tiếp tục phản ánh"])
            #expect(try escalated.json()["status"] as? String == "escalated")
            let decided = try await vpcp.act(code, "decided", ["decision": "Kết thúc", "outcome": "close"])
            #expect(try decided.json()["status"] as? String == "closed")
        }
    }

    @Test func aReturnGoesBackToTheGovernmentOfficeForReRouting() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let bnv = try await APIUser.signIn(client, "bnv-officer")
            let btc = try await APIUser.signIn(client, "btc-officer")
            try await vpcp.act(code, "assigned", ["leadAgency": "BNV"])
            // Another agency cannot return it.
            #expect(try await btc.act(code, "returned", ["reason": "x"]).status == .forbidden)
            let returned = try await bnv.act(code, "returned", ["reason": "Không thuộc thẩm quyền Bộ Nội vụ"])
            #expect(try returned.json()["status"] as? String == "received")
            // Once returned, the agency no longer handles it.
            #expect(try await bnv.act(code, "acknowledged").status == .forbidden)
            #expect(try await vpcp.act(code, "assigned", ["leadAgency": "BTC"]).status == .created)
            #expect(try await btc.act(code, "acknowledged").status == .created)
            let inbox = try await btc.get("/api/v1/inbox").json()
            #expect(inbox["total"] as? Int == 1)
            #expect(try await bnv.get("/api/v1/inbox").json()["total"] as? Int == 0)
        }
    }

    @Test func aRefusalCarriesItsCode() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let invalid = try await vpcp.act(code, "rejected", ["reasonCode": "becauseWeSaySo"])
            #expect(invalid.status == .unprocessableContent)
            let fields = (try invalid.json()["error"] as? [String: Any])?["fields"] as? [String: String]
            #expect(fields?.keys.contains("reasonCode") == true)
            let rejected = try await vpcp.act(code, "rejected", ["reasonCode": "outOfScopeComplaint"])
            #expect(try rejected.json()["status"] as? String == "rejected")
            let view = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
            #expect(view["status"] as? String == "rejected")
            #expect(try await vpcp.act(code, "assigned", ["leadAgency": "BTC"]).status == .conflict)
        }
    }

    @Test func theAPIAsksWhoYouAre() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let nobody = APIUser(client: client)
            #expect(try await nobody.act(code, "assigned", ["leadAgency": "BTC"]).status == .unauthorized)
            #expect(try await nobody.get("/api/v1/inbox").status == .unauthorized)
            let forged = APIUser(client: client, token: "forged-token")
            #expect(try await forged.get("/api/v1/inbox").status == .unauthorized)
            let wrong = try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: jsonHeaders,
                body: jsonBuffer(["username": "vpcp", "password": "sai-mat-khau-roi"]))
            #expect(wrong.status == .unauthorized)
            #expect(try await store.securityLog(action: "loginFailed").count == 1)
            #expect(try await store.securityLog(action: "denied").count >= 2)
        }
    }
}

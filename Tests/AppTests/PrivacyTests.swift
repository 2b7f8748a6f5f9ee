import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// Privacy by construction (DOMAIN.md §6): need to know, the read log, what the public reads
/// of a case, four eyes on answers and on admin rights.
@Suite struct PrivacyTests {
    @Test func staffSeeOnlyTheCasesTheyHaveANeedToKnow() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            try await vpcp.act(code, "assigned", ["leadAgency": "HCM", "coordinatingAgencies": ["BTC"]])
            let page = Site.staffCase(.value(code)).path
            // setup: who may and who may not
            for (username, allowed) in [
                ("vpcp", true), ("hcm-officer", true), ("btc-officer", true), ("byt-officer", false), ("observer", false), ("admin", false),
            ] {
                let browser = Browser(client)
                try await browser.signIn(username)
                let response = try await browser.get(page)
                #expect((response.status == .ok) == allowed, "\(username): \(response.status)")
                if !allowed {
                    #expect(!response.text.contains("Chậm cấp sổ đỏ"), "\(username) reads the title")
                    #expect(try await browser.get(Site.caseAttachment(.value(code), .value(1)).path).status == .forbidden)
                }
            }
            // An observer invited to the case may read it; the denials above are in the log.
            try await vpcp.act(code, "observerInvited", ["observer": "observer"])
            let observer = Browser(client)
            try await observer.signIn("observer")
            #expect(try await observer.get(page).status == .ok)
            let denials = try await store.securityLog(action: "denied").map { $0.username }
            #expect(Set(denials.compactMap { $0 }).isSuperset(of: ["byt-officer", "admin"]))
        }
    }

    @Test func eachViewOfTheSubmittersDetailsIsLogged() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = Browser(client)
            try await vpcp.signIn("vpcp")
            let page = try await vpcp.get(Site.staffCase(.value(code)).path)
            #expect(page.text.contains("0912 345 678"))
            let reads = try await store.securityLog(action: SecurityLogEntry.submitterRead)
            #expect(reads.count == 1)
            #expect(reads.first?.username == "vpcp")
            #expect(reads.first?.detail.hasPrefix(code) == true)
            // The coordinating agency reads the case but not the sender: nothing to log.
            try await APIUser.signIn(client, "vpcp").act(code, "assigned", ["leadAgency": "HCM", "coordinatingAgencies": ["BTC"]])
            let btc = Browser(client)
            try await btc.signIn("btc-officer")
            let coordinating = try await btc.get(Site.staffCase(.value(code)).path)
            #expect(coordinating.status == .ok && !coordinating.text.contains("0912 345 678"))
            #expect(try await store.securityLog(action: SecurityLogEntry.submitterRead).count == 1)
            // Admins query the read log like the rest of the security log.
            let admin = Browser(client)
            try await admin.signIn("admin")
            let log = try await admin.get(Site.securityLog.path + "?loai=" + SecurityLogEntry.submitterRead)
            #expect(log.text.contains(code))
        }
    }

    @Test func thePublicReadsOnlyThePublishedCopyAndNeverWhatTheSubmitterWrote() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, key) = try await file(
                client, title: "Chậm cấp sổ, gọi 0912 345 678", content: "Hồ sơ nộp từ tháng 3 vẫn chưa được giải quyết.")
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let submitter = APIUser(client: client, accessKey: key)
            try await vpcp.act(code, "infoRequested", ["message": "Đề nghị bổ sung số hồ sơ."])
            try await submitter.act(code, "infoProvided", ["content": "Số hồ sơ 123, nhà tôi ở số 7 Lê Lợi."])
            for uri in ["/api/v1/petitions/\(code)", "/tra-cuu?ma=\(code)", "/open311/v2/requests/\(code).json"] {
                let text = try await client.execute(uri: uri, method: .get).text
                for secret in ["0912 345 678", "Chậm cấp sổ", "Lê Lợi", "Hồ sơ nộp"] {
                    #expect(!text.contains(secret), "\(uri) shows \(secret)")
                }
            }
            // The submitter reads their own words with the key.
            #expect(try await submitter.get("/api/v1/petitions/\(code)").text.contains("Lê Lợi"))

            // Published with the title masked: every surface shows the masked copy.
            try await publish(code, in: store, answer: "Hồ sơ đã được giải quyết.")
            let leader = Principal.staff(StaffIdentity(id: 1, username: "x", agencyCode: "VPCP", role: .coordinator))
            let cases = CaseService(
                store: store, environment: .live, catalogue: try Catalogue.bundled(), passphrase: Settings().caPassphrase
            ) { "[" + $0.code + "]" }
            _ = try await cases.act(.redacted, input: EventInput(["target": "title"]), by: leader, on: TrackingCode(code)!, ip: "test")
            let api = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
            #expect(api["title"] as? String == "Chậm cấp sổ, gọi [phone]")
            let tracking = try await client.execute(uri: "/tra-cuu?ma=\(code)", method: .get).text
            #expect(tracking.contains("Chậm cấp sổ, gọi [phone]") && !tracking.contains("0912 345 678"))
            let open311 = try await client.execute(uri: "/open311/v2/requests/\(code).json", method: .get).text
            #expect(open311.contains("Chậm cấp sổ, gọi [phone]") && !open311.contains("0912 345 678"))

            // Rating and follow-up comments stay private too.
            try await submitter.act(code, "rated", ["satisfaction": 2, "comment": "Gọi tôi 0987 654 321"])
            try await submitter.act(code, "followedUp", ["content": "Tôi ở số 9 Hàng Bài, chưa đồng ý."])
            let after = try await client.execute(uri: "/tra-cuu?ma=\(code)", method: .get).text
            #expect(!after.contains("0987 654 321") && !after.contains("Hàng Bài"))
            #expect(after.contains("Đánh giá") || after.contains("đánh giá"))
        }
    }

    @Test func aCodePastedWithBlanksAroundItIsFound() async throws {
        try await withApp { client, _ in
            let (code, _) = try await submitPetition(client)
            for pasted in ["+\(code)+", "%20\(code)%09", "%0A\(code)%0D%0A", code.lowercased()] {
                let response = try await client.execute(uri: "/tra-cuu?ma=\(pasted)", method: .get)
                #expect(response.status == .ok, "\(pasted)")
            }
        }
    }

    @Test func whoeverDraftedAnAnswerCannotApproveIt() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let leader = try await APIUser.signIn(client, "hcm-leader")
            try await vpcp.act(code, "assigned", ["leadAgency": "HCM"])
            try await leader.act(code, "acknowledged")
            try await leader.act(code, "answerDrafted", ["content": "Trả lời của lãnh đạo"])
            let own = try await leader.act(code, "answerApproved", ["password": TestStaff.password])
            #expect(own.status == .conflict)
            #expect(
                (try own.json()["error"] as? [String: Any])?["message"] as? String
                    == "Người soạn dự thảo không được tự phê duyệt: cần lãnh đạo khác phê duyệt.")
            // Another account drafts again; now the leader approves.
            try await APIUser.signIn(client, "hcm-officer").act(code, "answerDrafted", ["content": "Trả lời của chuyên viên"])
            #expect(try await leader.act(code, "answerApproved", ["password": TestStaff.password]).status == .created)
        }
    }

    @Test func adminsNeitherChangeThemselvesNorMakeAnAdminAlone() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            _ = try await store.createStaff(
                username: "admin2", displayName: "admin2", agencyCode: "VPCP", role: .admin, passwordHash: TestStaff.passwordHash)
            let staff = try await store.allStaff()
            let me = try #require(staff.first { $0.username == "admin" })
            let officer = try #require(staff.first { $0.username == "byt-officer" })
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get(Site.accounts.path)
            let token = Browser.csrfToken(in: page.text)
            // Disabling or re-roling oneself is refused.
            let selfChange = try await admin.post(
                Site.account(.value(me.id)).path, fields: [("role", "observer"), ("agency", "VPCP")], csrf: token)
            #expect(selfChange.status == .conflict)
            #expect(try await store.staff(id: me.id)?.active == true)
            #expect(try await store.staff(id: me.id)?.role == .admin)
            // Asking for an admin changes nothing until a second admin confirms.
            try await admin.post(
                Site.account(.value(officer.id)).path, fields: [("role", "admin"), ("agency", "BYT"), ("active", "on")], csrf: token)
            #expect(try await store.staff(id: officer.id)?.role == .officer)
            let confirmPath = Site.confirmAdmin(.value(officer.id)).path
            #expect(try await admin.post(confirmPath, fields: [], csrf: token).status == .conflict)
            #expect(try await store.staff(id: officer.id)?.role == .officer)
            let second = Browser(client)
            try await second.signIn("admin2")
            let secondPage = try await second.get(Site.accounts.path)
            #expect(secondPage.text.contains(confirmPath))
            #expect(try await second.post(confirmPath, fields: [], csrf: Browser.csrfToken(in: secondPage.text)).status == .seeOther)
            #expect(try await store.staff(id: officer.id)?.role == .admin)
            // A new admin account starts without admin rights, too.
            try await admin.post(
                Site.accounts.path,
                fields: [("username", "new-admin"), ("role", "admin"), ("agency", "VPCP"), ("password", "một-mật-khẩu-dài-2026")],
                csrf: token)
            #expect(try await store.allStaff().first { $0.username == "new-admin" }?.role == .observer)
            #expect(try await store.pendingAdminGrants().count == 1)
        }
    }
}

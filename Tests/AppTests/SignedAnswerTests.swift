import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import NIOCore
import Testing

@testable import App

/// Issue 11 §1–3: answers signed at approval by the agency's key, verified by anyone.
@Suite struct SignedAnswerTests {
    static let answer = "Bộ Tài chính trả lời: thủ tục hoàn thuế được giải quyết trong 6 ngày làm việc."

    /// A case routed to BTC whose officer drafted `answer`; and BTC's leader, signed in.
    static func draftedCase(_ client: any TestClientProtocol, answer: String = answer) async throws -> (String, APIUser) {
        let (code, _) = try await submitPetition(client)
        let vpcp = try await APIUser.signIn(client, "vpcp")
        let officer = try await APIUser.signIn(client, "btc-officer")
        try await vpcp.act(code, "assigned", ["leadAgency": "BTC"])
        try await officer.act(code, "acknowledged")
        try await officer.act(code, "answerDrafted", ["content": answer])
        return (code, try await APIUser.signIn(client, "btc-leader"))
    }

    /// A case answered by BTC through the API: its leader re-enters the password and signs.
    static func signedCase(_ client: any TestClientProtocol, answer: String = answer) async throws -> String {
        let (code, leader) = try await draftedCase(client, answer: answer)
        #expect(try await leader.act(code, "answerApproved", ["password": TestStaff.password]).status == .created)
        #expect(try await leader.act(code, "answerPublished").status == .created)
        return code
    }

    static func document(_ client: any TestClientProtocol, _ code: String) async throws -> SignedAnswer {
        let response = try await client.execute(uri: "/api/v1/petitions/\(code)/answer", method: .get)
        #expect(response.status == .ok)
        return try JSONDecoder().decode(SignedAnswer.self, from: Data(buffer: response.body))
    }

    static func verify(_ client: any TestClientProtocol, _ body: some Encodable) async throws -> [String: Any] {
        let response = try await client.execute(
            uri: "/api/v1/verify", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: try JSONEncoder().encode(body)))
        #expect(response.status == .ok)
        return try response.json()
    }

    @Test func approvalSignsAndAnyoneVerifies() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let code = try await Self.signedCase(client)
            let signed = try await Self.document(client, code)
            #expect(signed.document.trackingCode == code && signed.document.answer == Self.answer)
            #expect(signed.document.agency.code == "BTC" && signed.document.approver.name == "btc-leader")
            #expect(signed.algorithm == "ES256" && signed.certificates.count == 1)

            let result = try await Self.verify(client, signed)
            #expect(result["valid"] as? Bool == true && result["reason"] is NSNull)
            #expect(result["signer"] as? String == "btc-leader, Lãnh đạo cơ quan")
            #expect(
                result["agency"] as? String == signed.document.agency.name && result["signedAt"] as? String == signed.document.approvedAt)

            // The published answer says who signed; the printable document has the QR code.
            let answer = try await client.execute(uri: Site.answer(.value(code)).path, method: .get).text
            #expect(answer.contains("Ký số bởi btc-leader, Lãnh đạo cơ quan") && answer.contains(Site.signedAnswer(.value(code)).path))
            #expect(try await client.execute(uri: "/api/v1/answers/\(code)", method: .get).json()["signer"] as? String != nil)
            let printable = try await client.execute(uri: Site.signedAnswer(.value(code)).path, method: .get)
            #expect(printable.status == .ok && printable.text.contains("<svg") && printable.text.contains("/xac-minh?ma=\(code)"))
            // The QR code's address opens the verification page, which checks the published document.
            let page = try await client.execute(uri: "/xac-minh?ma=\(code)", method: .get)
            #expect(page.status == .ok && page.text.contains("verdict-valid") && page.text.contains(Self.answer))
        }
    }

    @Test func oneChangedCharacterDoesNotVerify() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let signed = try await Self.document(client, try await Self.signedCase(client))
            var text = signed
            text.document.answer = text.document.answer.replacingOccurrences(of: "6 ngày", with: "8 ngày")
            var signer = signed
            signer.document.approver.name = "btc-leadex"
            var time = signed
            time.document.approvedAt = Timestamp.string(Timestamp.date(time.document.approvedAt)!.addingTimeInterval(-1))
            var agency = signed
            agency.document.agency.code = "BYT"
            for changed in [text, signer, time, agency] {
                let result = try await Self.verify(client, changed)
                #expect(result["valid"] as? Bool == false && result["reason"] as? String == "signatureMismatch")
                #expect((result["message"] as? String ?? "").contains("Chữ ký không khớp"))
            }
            // A chain padded with copies is refused before any path is built.
            var padded = signed
            padded.certificates = Array(repeating: signed.certificates[0], count: 9)
            #expect(try await Self.verify(client, padded)["reason"] as? String == "badCertificate")
            // Not a document at all: a clear answer, not an error.
            let junk = try await client.execute(
                uri: "/api/v1/verify", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"a": 1}"#))
            #expect(try junk.json()["reason"] as? String == "malformed")
            // The page, pasted: the same verdicts.
            let browser = Browser(client)
            let token = Browser.csrfToken(in: try await browser.get(Site.verify.path).text)
            let pasted = try await browser.post(
                Site.verify.path, fields: [("document", String(decoding: try JSONEncoder().encode(text), as: UTF8.self))], csrf: token,
                multipart: true)
            #expect(pasted.status == .ok)
            #expect(pasted.text.contains("verdict-invalid") && pasted.text.contains("Chữ ký không khớp"))
            // What was pasted stays, and the text it claims is marked as not verified.
            #expect(pasted.text.contains("8 ngày") && pasted.text.contains("chưa xác minh"))
            // Uploaded as a file, the untouched document verifies.
            let uploaded = try await browser.post(
                Site.verify.path, fields: [("document", "")],
                files: [(field: "file", name: "tra-loi.json", bytes: Array(try JSONEncoder().encode(signed)))], csrf: token)
            #expect(uploaded.status == .ok && uploaded.text.contains("verdict-valid"))
            let empty = try await browser.post(Site.verify.path, fields: [("document", "  ")], csrf: token, multipart: true)
            #expect(empty.status == .unprocessableContent && empty.text.contains("Vui lòng nhập"))
            #expect(empty.text.contains("aria-describedby=\"verify-document-error\""))
        }
    }

    @Test func approvingAsksForThePasswordAgain() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (code, leader) = try await Self.draftedCase(client)
            // Another agency's leader is refused before anything is signed or issued for them.
            let other = try await APIUser.signIn(client, "byt-leader")
            #expect(try await other.act(code, "answerApproved", ["password": TestStaff.password]).status == .forbidden)
            #expect(try await store.certificates().contains { $0.agencyCode == "BYT" } == false)
            let missing = try await leader.act(code, "answerApproved")
            #expect(missing.status == .unprocessableContent && missing.text.contains("password"))
            let wrong = try await leader.act(code, "answerApproved", ["password": "không phải mật khẩu"])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Mật khẩu không đúng"))
            // Nothing was appended, and no password is ever stored in an event.
            let events = try await store.petition(TrackingCode(code)!)?.events.map(\.type)
            #expect(events?.contains(.answerApproved) == false)
            #expect(try await leader.act(code, "answerApproved", ["password": TestStaff.password]).status == .created)
            let stored = try await store.database.read { db in try await db.query("SELECT data FROM events").map { $0.string("data") ?? "" }
            }
            #expect(!stored.joined().contains(TestStaff.password))
        }
    }

    @Test func aChainFromAnUnknownRootDoesNotVerify() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let signed = try await Self.document(client, try await Self.signedCase(client))
            // Another installation's root: the same software, not the same trust.
            let otherRoot = try await TestDatabase.withStore { other in
                try await other.prepareCertificateAuthority(passphrase: Settings().caPassphrase, now: Date())
                return try await other.trustedRootsPEM()
            }
            let result = await (try AnswerVerifier(rootsPEM: otherRoot)).verify(signed)
            #expect(!result.valid && result.reason == .untrustedChain)
            let ours = await (try AnswerVerifier(rootsPEM: try await store.trustedRootsPEM())).verify(signed)
            #expect(ours.valid)
            // A leaf from elsewhere carried with the document changes nothing either.
            var swapped = signed
            swapped.certificates = [otherRoot]
            #expect(await (try AnswerVerifier(rootsPEM: try await store.trustedRootsPEM())).verify(swapped).valid == false)
        }
    }

    @Test func rotationKeepsOldAnswersAndRevocationStopsLaterOnes() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let passphrase = Settings().caPassphrase
            let before = try await Self.document(client, try await Self.signedCase(client))
            // Rotation: a new certificate signs; the old answer still verifies.
            try await store.rotateCertificate(agency: "BTC", passphrase: passphrase, now: Date())
            let after = try await Self.document(client, try await Self.signedCase(client, answer: Self.answer + " Trân trọng."))
            #expect(after.certificates != before.certificates)
            let beforeValid = try await store.verify(before).valid
            let afterValid = try await store.verify(after).valid
            #expect(beforeValid && afterValid)

            // Revocation: the key is stolen after it signed `after`; what it signs later does not verify.
            let stolen = try await store.signingIdentity(agency: "BTC", passphrase: passphrase, now: Date())
            let current = try #require(try await store.certificates().first { $0.fingerprint == stolen.fingerprint })
            let revokedAt = Date().addingTimeInterval(1)
            try await store.revokeCertificate(id: current.id, reason: "Khóa bị lộ", at: revokedAt)
            var forged = after.document
            forged.approvedAt = Timestamp.string(revokedAt.addingTimeInterval(60))
            let offline = try AnswerVerifier(
                rootsPEM: try await store.trustedRootsPEM(), revoked: try await store.revokedCertificates())
            #expect(await offline.verify(try stolen.sign(forged)).reason == .revoked)
            #expect(await offline.verify(after).valid, "signed before the revocation")
            // Online, a signature the case's log never recorded is refused even if backdated.
            var backdated = after.document
            backdated.answer += " (sửa)"
            #expect(try await store.verify(try stolen.sign(backdated)).reason == .notRecorded)
            // The next approval gets a fresh certificate, never the revoked one.
            let next = try await Self.document(client, try await Self.signedCase(client))
            let nextValid = try await store.verify(next).valid
            #expect(next.certificates != after.certificates && nextValid)
            let list = try await client.execute(uri: Site.revokedCertificates.path, method: .get).json()
            #expect((list["revoked"] as? [[String: Any]])?.first?["fingerprint"] as? String == stolen.fingerprint)
        }
    }

    @Test func theCommandVerifiesOffline() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let signed = try await Self.document(client, try await Self.signedCase(client))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let root = try await client.execute(uri: Site.rootCertificates.path, method: .get)
            #expect(root.status == .ok && root.text.hasPrefix("-----BEGIN CERTIFICATE-----"))
            try root.text.write(to: directory.appendingPathComponent("root.pem"), atomically: true, encoding: .utf8)
            let good = directory.appendingPathComponent("good.json")
            try JSONEncoder().encode(signed).write(to: good)
            var changed = signed
            changed.document.answer += "."
            let bad = directory.appendingPathComponent("bad.json")
            try JSONEncoder().encode(changed).write(to: bad)
            let rootPath = directory.appendingPathComponent("root.pem").path
            try await VerifyCommand.parse([good.path, "--root", rootPath]).run()
            await #expect(throws: (any Error).self) { try await VerifyCommand.parse([bad.path, "--root", rootPath]).run() }
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

@Suite struct PetitionAPITests {
    @Test func validPetitionIsStoredAndReadBack() async throws {
        try await withApp { client, store in
            // MUT
            let created = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(petitionJSON()))
            // validate
            #expect(created.status == .created)
            let receipt = try created.json()
            let code = try #require(receipt["trackingCode"] as? String)
            #expect(TrackingCode(code) != nil)
            #expect(receipt["status"] as? String == "received")
            #expect((receipt["accessKey"] as? String)?.count == 26)
            #expect(try await store.petitionCount() == 1)

            let shown = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get)
            #expect(shown.status == .ok)
            let view = try shown.json()
            // Unpublished: the public never reads what the submitter wrote.
            #expect(view["title"] == nil)
            #expect(view["submittedTitle"] == nil)
            #expect(view["category"] as? String == "conduct")
            #expect(view["field"] as? String == "land")
            #expect(view["agency"] as? String == "VPCP")
            #expect(view["status"] as? String == "received")
            let events = try #require(view["events"] as? [[String: Any]])
            #expect(events.map { $0["type"] as? String } == ["submitted"])
        }
    }

    @Test func publicViewHasNoPersonalDataAndTheAccessKeyAddsIt() async throws {
        try await withApp { client, _ in
            let receipt = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(petitionJSON())
            ).json()
            let code = try #require(receipt["trackingCode"] as? String)
            let key = try #require(receipt["accessKey"] as? String)

            let anonymous = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).text
            for secret in ["Nguyễn Văn An", "0912 345 678", "an.nguyen@example.vn", "Nguyễn Huệ", "submitter", "content"] {
                #expect(!anonymous.contains(secret), "public view leaks \(secret)")
            }
            let wrongKey = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get, headers: [.xAccessKey: "WRONG"]).text
            #expect(!wrongKey.contains("0912 345 678"))

            let owner = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get, headers: [.xAccessKey: key.lowercased()])
                .json()
            let submitter = try #require(owner["submitter"] as? [String: Any])
            #expect(submitter["phone"] as? String == "0912 345 678")
            #expect(submitter["name"] as? String == "Nguyễn Văn An")
            #expect(owner["content"] as? String != nil)
        }
    }

    @Test(arguments: [
        "submitter.type", "submitter.name", "submitter.address", "submitter.phone", "category", "title", "content",
    ])
    func eachRequiredFieldMissingIsNamed(_ field: String) async throws {
        try await withApp { client, store in
            let body = petitionJSON { body in
                let parts = field.split(separator: ".").map(String.init)
                if parts.count == 2 {
                    var submitter = body["submitter"] as! [String: Any]
                    submitter.removeValue(forKey: parts[1])
                    body["submitter"] = submitter
                } else {
                    body.removeValue(forKey: field)
                }
            }
            let response = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(body))
            #expect(response.status == .unprocessableContent)
            let error = try #require(try response.json()["error"] as? [String: Any])
            #expect(error["code"] as? String == "validationFailed")
            let fields = try #require(error["fields"] as? [String: String])
            #expect(Array(fields.keys) == [field])
            // A choice left out asks to choose; a text left out, to type it.
            #expect(fields[field] == (Catalogue.choices.contains(field) ? "Vui lòng chọn một mục." : "Vui lòng nhập mục này."))
            #expect(try await store.petitionCount() == 0)
        }
    }

    @Test func organizationsNeedTheirNameAndTaxCode() async throws {
        try await withApp { client, _ in
            let body = petitionJSON { body in
                var submitter = body["submitter"] as! [String: Any]
                submitter["type"] = "organization"
                body["submitter"] = submitter
            }
            let response = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(body))
            let fields = try #require((try response.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(Set(fields.keys) == ["submitter.organizationName", "submitter.taxCode"])
        }
    }

    @Test func badValuesAreNamedInEnglishWhenAsked() async throws {
        try await withApp { client, _ in
            let body = petitionJSON { body in
                var submitter = body["submitter"] as! [String: Any]
                submitter["phone"] = "12345"
                submitter["email"] = "not-an-email"
                body["submitter"] = submitter
                body["category"] = "complaint"
                body["agencyCode"] = "XYZ"
                body["title"] = 42
            }
            var headers = jsonHeaders
            headers[.acceptLanguage] = "en-GB,en;q=0.9"
            let response = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: jsonBuffer(body))
            #expect(response.status == .unprocessableContent)
            let fields = try #require((try response.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            // A value of the wrong JSON type is reported alone, before the other checks run.
            #expect(fields == ["title": "Wrong type of value."])

            let second = petitionJSON { body in
                var submitter = body["submitter"] as! [String: Any]
                submitter["phone"] = "12345"
                submitter["email"] = "not-an-email"
                body["submitter"] = submitter
                body["category"] = "complaint"
                body["agencyCode"] = "XYZ"
            }
            let again = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: jsonBuffer(second))
            let more = try #require((try again.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(Set(more.keys) == ["submitter.phone", "submitter.email", "category", "agencyCode"])
            #expect(more["submitter.phone"]?.hasPrefix("Not a valid phone number") == true)
        }
    }

    @Test func malformedOversizedAndWrongTypeBodiesAreRefused() async throws {
        try await withApp { client, store in
            let malformed = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: ByteBuffer(string: "{\"title\": \"x\","))
            #expect(malformed.status == .badRequest)
            #expect((try malformed.json()["error"] as? [String: Any])?["code"] as? String == "malformedRequest")

            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: Limits.jsonBody + 10)
            let oversized = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: huge)
            #expect(oversized.status == .contentTooLarge)
            #expect((try oversized.json()["error"] as? [String: Any])?["code"] as? String == "tooLarge")

            let text = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hello"))
            #expect(text.status == .unsupportedMediaType)
            #expect((try text.json()["error"] as? [String: Any])?["code"] as? String == "unsupportedMediaType")

            let unknown = try await client.execute(uri: "/api/v1/petitions/PAKN-2026-999999", method: .get)
            #expect(unknown.status == .notFound)
            #expect((try unknown.json()["error"] as? [String: Any])?["code"] as? String == "notFound")
            let garbage = try await client.execute(uri: "/api/v1/petitions/nonsense", method: .get)
            #expect(garbage.status == .notFound)
            #expect(try await store.petitionCount() == 0)
        }
    }

    @Test func concurrentSubmissionsGetDistinctCodes() async throws {
        try await withApp { client, store in
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        let response = try await client.execute(
                            uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(petitionJSON()))
                        return try response.json()["trackingCode"] as? String ?? ""
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(codes).count == 200)
            #expect(!codes.contains(""))
            #expect(try await store.petitionCount() == 200)
        }
    }

    @Test func referenceDataAndHealth() async throws {
        try await withApp { client, store in
            let agencies =
                try JSONSerialization.jsonObject(with: Data(buffer: try await client.execute(uri: "/api/v1/agencies", method: .get).body))
                as? [[String: Any]]
            #expect(agencies?.first?["code"] as? String == "VPCP")
            #expect(agencies?.filter { $0["kind"] as? String == "province" }.count == 34)
            let categories =
                try JSONSerialization.jsonObject(with: Data(buffer: try await client.execute(uri: "/api/v1/categories", method: .get).body))
                as? [[String: Any]]
            #expect(categories?.map { $0["code"] as? String } == ["conduct", "regulation", "proposal"])
            #expect(((categories?.first?["fields"]) as? [Any])?.isEmpty == false)
            let health = try await client.execute(uri: "/healthz", method: .get).json()
            #expect(health["status"] as? String == "ok")
            #expect(health["database"] as? String == store.dialect.rawValue)
        }
    }
}

@Suite struct IdempotencyTests {
    @Test func theSameKeyAndBodyGiveTheSameCaseAndAnotherBodyAConflict() async throws {
        try await withApp { client, store in
            var headers = jsonHeaders
            headers[HTTPField.Name("Idempotency-Key")!] = "retry-7f3a1c"
            let body = petitionJSON()
            let first = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: jsonBuffer(body))
            #expect(first.status == .created)
            let again = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: jsonBuffer(body))
            #expect(again.status == .created)
            let (a, b) = (try first.json(), try again.json())
            #expect(a["trackingCode"] as? String == b["trackingCode"] as? String)
            #expect(a["accessKey"] as? String == b["accessKey"] as? String)
            #expect(try await store.petitionCount() == 1)
            // The same key with another petition is refused, naming why.
            let other = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: headers,
                body: jsonBuffer(petitionJSON { $0["title"] = "Một kiến nghị khác hẳn" }))
            #expect(other.status == .conflict)
            #expect(((try other.json()["error"] as? [String: Any])?["message"] as? String)?.contains("Idempotency-Key") == true)
            #expect(try await store.petitionCount() == 1)
            // Without a key every request files a petition; a bad key is named.
            _ = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: jsonHeaders, body: jsonBuffer(body))
            #expect(try await store.petitionCount() == 2)
            headers[HTTPField.Name("Idempotency-Key")!] = String(repeating: "x", count: 201)
            let bad = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: jsonBuffer(body))
            #expect(bad.status == .unprocessableContent)
            #expect(((try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String])?["Idempotency-Key"] != nil)
            // The table holds no access key in clear.
            let stored = try await store.database.read { db in try await db.query("SELECT * FROM idempotency_keys") }
            let key = try #require(a["accessKey"] as? String)
            #expect(stored.count == 1 && !stored.description.contains(key) && !stored.description.contains("retry-7f3a1c"))
        }
    }

    @Test func concurrentRetriesFileOnePetition() async throws {
        try await withApp { client, store in
            var burst = jsonHeaders
            burst[HTTPField.Name("Idempotency-Key")!] = "burst-1"
            let headers = burst
            let body = jsonBuffer(petitionJSON())
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: body)
                        return try response.json()["trackingCode"] as? String
                    }
                }
                var codes: Set<String?> = []
                for try await code in group { codes.insert(code) }
                return codes
            }
            #expect(codes.count == 1 && codes.first! != nil)
            #expect(try await store.petitionCount() == 1)
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import NIOCore
import Testing

@testable import App

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct Open311Tests {
    @Test func discoveryNamesTheEndpointInBothFormats() async throws {
        try await withApp { client, _ in
            let json = try await client.execute(uri: "/open311/v2/discovery.json", method: .get)
            #expect(json.status == .ok)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let endpoints = try #require(try json.json()["endpoints"] as? [[String: Any]])
            #expect((endpoints.first?["url"] as? String)?.hasSuffix("/open311/v2") == true)
            #expect(endpoints.first?["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
            #expect(endpoints.first?["formats"] as? [String] == ["text/xml", "application/json"])

            let xml = try await client.execute(uri: "/open311/v2/discovery.xml", method: .get)
            #expect(xml.headers[.contentType] == "text/xml; charset=utf-8")
            let document = try #require(XMLDocument311.parse(xml.text))
            #expect(document.elements.first == "discovery")
            #expect(document.texts["format"] == ["text/xml", "application/json"])
        }
    }

    @Test func servicesAreTheCategories() async throws {
        try await withApp { client, _ in
            let services = try Self.list(try await client.execute(uri: "/open311/v2/services.json", method: .get))
            #expect(services.map { $0["service_code"] as? String } == ["conduct", "regulation", "proposal"])
            #expect(services.first?["service_name"] as? String == "Phản ánh về hành vi hành chính")
            #expect(services.first?["metadata"] as? Bool == true)
            #expect(services.first?["type"] as? String == "realtime")
            #expect((services.first?["keywords"] as? String)?.contains("Đất đai") == true)

            let xml = try await client.execute(uri: "/open311/v2/services.xml", method: .get)
            let document = try #require(XMLDocument311.parse(xml.text))
            #expect(document.elements.first == "services")
            #expect(document.texts["service_code"] == ["conduct", "regulation", "proposal"])
        }
    }

    @Test func aServiceDefinitionListsTheAttributes() async throws {
        try await withApp { client, _ in
            let definition = try await client.execute(uri: "/open311/v2/services/conduct.json", method: .get).json()
            #expect(definition["service_code"] as? String == "conduct")
            let attributes = try #require(definition["attributes"] as? [[String: Any]])
            let codes = attributes.compactMap { $0["code"] as? String }
            #expect(["title", "field", "agency", "address"].allSatisfy { codes.contains($0) })
            let field = try #require(attributes.first { $0["code"] as? String == "field" })
            #expect(field["datatype"] as? String == "singlevaluelist")
            #expect((field["values"] as? [[String: Any]])?.contains { $0["key"] as? String == "land" } == true)

            let xml = try await client.execute(uri: "/open311/v2/services/conduct.xml", method: .get)
            let document = try #require(XMLDocument311.parse(xml.text))
            #expect(document.elements.first == "service_definition")
            #expect(document.elements.contains("attribute"))

            let unknown = try await client.execute(uri: "/open311/v2/services/complaint.json", method: .get)
            #expect(unknown.status == .notFound)
            #expect(try Self.list(unknown).first?["code"] as? Int == 404)
        }
    }

    @Test func filingNeedsAKeyIssuedByAnAdmin() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let missing = try await Self.post(client, Self.validForm)
            #expect(missing.status == .forbidden)
            let error = try #require(try Self.list(missing).first)
            #expect(error["code"] as? Int == 403)
            #expect((error["description"] as? String)?.isEmpty == false)

            let wrong = try await Self.post(client, Self.validForm + [("api_key", "not-a-key")], format: "xml")
            #expect(wrong.status == .forbidden)
            let document = try #require(XMLDocument311.parse(wrong.text))
            #expect(document.elements.prefix(3) == ["errors", "error", "code"])
            #expect(document.texts["code"] == ["403"])

            // Only admins issue keys.
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let refused = try await client.execute(
                uri: "/api/v1/open311-keys", method: .post, headers: vpcp.headers, body: jsonBuffer(["name": "Ứng dụng"]))
            #expect(refused.status == .forbidden)

            let admin = try await APIUser.signIn(client, "admin")
            let (key, id) = try await Self.issueKey(client, admin)
            #expect(try await Self.post(client, Self.validForm + [("api_key", key)]).status == .created)
            #expect(
                try await client.execute(uri: "/api/v1/open311-keys/\(id)", method: .delete, headers: admin.headers).status == .noContent)
            #expect(
                try await client.execute(uri: "/api/v1/open311-keys/\(id)", method: .delete, headers: admin.headers).status == .notFound)
            #expect(try await Self.post(client, Self.validForm + [("api_key", key)]).status == .forbidden)
            #expect(try await store.petitionCount() == 1)
            #expect(try await store.securityLog(action: "apiKeyIssued").count == 1)
        }
    }

    @Test func aFiledRequestIsAPetitionSeenThroughItsPublicPart() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (key, _) = try await Self.issueKey(client, try await APIUser.signIn(client, "admin"))
            let created = try await Self.post(client, Self.validForm + [("api_key", key)])
            #expect(created.status == .created)
            let receipt = try #require(try Self.list(created).first)
            let code = try #require(receipt["service_request_id"] as? String)
            #expect((receipt["service_notice"] as? String)?.contains("/tra-cuu?ma=\(code)") == true)
            #expect((receipt["access_key"] as? String)?.count == 26)

            let trackingCode = try #require(TrackingCode(code))
            let petition = try #require(try await store.petition(trackingCode))
            #expect(petition.channel == .open311)
            #expect(petition.submitter.name == "Nguyễn Văn An")
            #expect(petition.submitter.address == "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh")
            #expect(petition.title == "Chậm cấp sổ đỏ tại phường Sài Gòn")
            #expect(petition.fieldCode == "land")

            let shown = try await client.execute(uri: "/open311/v2/requests/\(code).json", method: .get)
            let request = try #require(try Self.list(shown).first)
            #expect(request["service_request_id"] as? String == code)
            #expect(request["status"] as? String == "open")
            #expect(request["service_code"] as? String == "conduct")
            // Nothing the sender wrote is public before an answer is published.
            #expect(request["description"] == nil || request["description"] is NSNull)
            #expect(request["agency_responsible"] as? String == "Văn phòng Chính phủ")
            #expect((request["requested_datetime"] as? String)?.hasSuffix("+07:00") == true)
            #expect(request["expected_datetime"] as? String != nil)
            for secret in ["0912 345 678", "an.nguyen@example.vn", "Nguyễn Huệ", "Văn An", "chưa được giải quyết"] {
                #expect(!shown.text.contains(secret), "Open311 shows \(secret)")
            }

            let vpcp = try await APIUser.signIn(client, "vpcp")
            try await vpcp.act(code, "assigned", ["leadAgency": "HCM"])
            let hcm = try #require(try await store.agencies().first { $0.code == "HCM" })
            let routed = try #require(try Self.list(try await client.execute(uri: "/open311/v2/requests/\(code).json", method: .get)).first)
            #expect(routed["agency_responsible"] as? String == hcm.nameVi)

            let xml = try await client.execute(uri: "/open311/v2/requests/\(code).xml", method: .get)
            let document = try #require(XMLDocument311.parse(xml.text))
            #expect(document.elements.prefix(2) == ["service_requests", "request"])
            #expect(document.texts["service_request_id"] == [code])
            #expect(document.texts["agency_responsible"] == [hcm.nameVi])

            let token = try Self.list(try await client.execute(uri: "/open311/v2/tokens/\(code).json", method: .get))
            #expect(token.first?["service_request_id"] as? String == code)
            #expect(try await client.execute(uri: "/open311/v2/tokens/PAKN-2026-999999.json", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/open311/v2/requests/nonsense.xml", method: .get).status == .notFound)
        }
    }

    @Test func validationErrorsNameTheOpen311Field() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (key, _) = try await Self.issueKey(client, try await APIUser.signIn(client, "admin"))
            let form = Self.validForm.filter { !["phone", "address_string", "service_code"].contains($0.0) } + [("api_key", key)]
            let refused = try await Self.post(client, form)
            #expect(refused.status == .badRequest)
            let errors = try Self.list(refused)
            #expect(errors.allSatisfy { $0["code"] as? Int == 400 })
            let descriptions = errors.compactMap { $0["description"] as? String }
            #expect(descriptions.contains("phone: Vui lòng nhập mục này."))
            #expect(descriptions.contains("address_string: Vui lòng nhập mục này."))
            #expect(descriptions.contains("service_code: Vui lòng nhập mục này."))
            #expect(try await store.petitionCount() == 0)

            // Without a title attribute, the service's name is the title: never the description's
            // first words, which carry the sender's name, address and phone (issue 9).
            let untitled =
                Self.validForm.filter { $0.0 != "attribute[title]" }.map {
                    $0.0 == "description"
                        ? ($0.0, "Tôi là Nguyễn Văn An, số 12 Nguyễn Huệ, điện thoại 0912 345 678: hồ sơ đất nộp tháng 3 chưa giải quyết.")
                        : $0
                } + [("api_key", key)]
            let created = try Self.list(try await Self.post(client, untitled))
            let code = try #require(TrackingCode(created.first?["service_request_id"] as? String ?? ""))
            #expect(try await store.petition(code)?.title == "Phản ánh về hành vi hành chính")
        }
    }

    @Test func requestsAreFilteredAsTheSpecificationSays() async throws {
        let clock = TestClock(vietnamMorning("2026-03-02"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let (key, _) = try await Self.issueKey(client, try await APIUser.signIn(client, "admin"))
            let old =
                try Self.list(try await Self.post(client, Self.validForm + [("api_key", key)])).first?["service_request_id"] as? String
            clock.advance(100 * 86_400)
            let proposalForm = Self.validForm.map { $0.0 == "service_code" ? ("service_code", "proposal") : $0 } + [("api_key", key)]
            let recent = try Self.list(try await Self.post(client, proposalForm)).first?["service_request_id"] as? String
            let refusedForm = Self.validForm + [("api_key", key)]
            let refused = try Self.list(try await Self.post(client, refusedForm)).first?["service_request_id"] as? String
            let vpcp = try await APIUser.signIn(client, "vpcp")
            try await vpcp.act(refused ?? "", "rejected", ["reasonCode": "outOfScopeComplaint"])

            func codes(_ query: String) async throws -> [String] {
                try Self.list(try await client.execute(uri: "/open311/v2/requests.json" + query, method: .get)).compactMap {
                    $0["service_request_id"] as? String
                }
            }
            // By default, the last 90 days.
            #expect(Set(try await codes("")) == Set([recent, refused].compactMap { $0 }))
            #expect(try await codes("?service_code=proposal") == [recent].compactMap { $0 })
            #expect(try await codes("?status=closed") == [refused].compactMap { $0 })
            #expect(try await codes("?status=open&service_code=conduct,regulation").isEmpty)
            #expect(try await codes("?start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00%2B07:00") == [old].compactMap { $0 })
            // service_request_id overrides every other filter.
            #expect(try await codes("?service_request_id=\(old ?? ""),\(recent ?? "")&status=closed").count == 2)
            // A malformed code is an error naming the field, not the newest thousand petitions (issue 9).
            for query in [
                "?service_request_id=%27", "?service_request_id=PAKN-2026-000001,x",
                "?service_request_id=" + Array(repeating: old ?? "", count: 101).joined(separator: ","),
            ] {
                let malformed = try await client.execute(uri: "/open311/v2/requests.json" + query, method: .get)
                #expect(malformed.status == .badRequest, "\(query)")
                #expect((try Self.list(malformed).first?["description"] as? String)?.hasPrefix("service_request_id:") == true)
            }

            let closed = try Self.list(try await client.execute(uri: "/open311/v2/requests.json?status=closed", method: .get)).first
            #expect(closed?["status"] as? String == "closed")
            #expect((closed?["status_notes"] as? String)?.contains("khiếu nại") == true)

            let tooLong = try await client.execute(
                uri: "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", method: .get)
            #expect(tooLong.status == .badRequest)
            let badDate = try await client.execute(uri: "/open311/v2/requests.xml?start_date=yesterday", method: .get)
            #expect(badDate.status == .badRequest)
            #expect(try #require(XMLDocument311.parse(badDate.text)).texts["description"]?.first?.hasPrefix("start_date:") == true)
            #expect(try await client.execute(uri: "/open311/v2/requests.json?status=pending", method: .get).status == .badRequest)
        }
    }

    // MARK: - Helpers

    static let validForm: [(String, String)] = [
        ("service_code", "conduct"),
        ("first_name", "Văn An"), ("last_name", "Nguyễn"),
        ("address_string", "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh"),
        ("phone", "0912 345 678"), ("email", "an.nguyen@example.vn"),
        ("description", "Tôi nộp hồ sơ cấp Giấy chứng nhận quyền sử dụng đất từ tháng 3 nhưng đến nay chưa được giải quyết."),
        ("attribute[title]", "Chậm cấp sổ đỏ tại phường Sài Gòn"),
        ("attribute[field]", "land"),
        ("lat", "10.7769"), ("long", "106.7009"),
    ]

    static func post(_ client: any TestClientProtocol, _ fields: [(String, String)], format: String = "json") async throws -> TestResponse {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let body = fields.map {
            ($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + ($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return try await client.execute(
            uri: "/open311/v2/requests.\(format)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    static func issueKey(_ client: any TestClientProtocol, _ admin: APIUser) async throws -> (String, Int) {
        let response = try await client.execute(
            uri: "/api/v1/open311-keys", method: .post, headers: admin.headers, body: jsonBuffer(["name": "Ứng dụng thử nghiệm"]))
        #expect(response.status == .created)
        let object = try response.json()
        return (object["apiKey"] as? String ?? "", object["id"] as? Int ?? 0)
    }

    static func list(_ response: TestResponse) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]] ?? []
    }
}

/// An XML response parsed by Foundation's parser: fails on anything not well formed; keeps the
/// element names in document order and the text of each element.
final class XMLDocument311: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String: [String]] = [:]
    private var current = ""

    static func parse(_ text: String) -> XMLDocument311? {
        let document = XMLDocument311()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = document
        return parser.parse() ? document : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        texts[elementName, default: []].append(current)
        current = ""
    }
}

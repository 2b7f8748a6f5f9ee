import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Mustache
import NIOCore
import Testing

@testable import App

/// Issue 13 §2–3: a report computed from a signed tree head, the same bytes from the same head
/// whatever happened since, signed by the Government Office and verified like an answer.
@Suite struct ReportTests {
    /// The petitions of the tests are filed today; their quarter is over on this day.
    static let later = Date().addingTimeInterval(200 * 86_400)
    static var quarter: ReportPeriod {
        let today = CivilDate.localDate(of: Date())
        return ReportPeriod(quarterOf: today)
    }
    static let settings = Settings(environment: .testing)

    @Test func aReportFromAnOlderHeadIgnoresLaterEventsAndIsByteIdentical() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            let (first, _) = try await submitPetition(client)
            _ = try await submitPetition(client)
            try await vpcp.act(first, "assigned", ["leadAgency": "BTC"])
            let service = ReportService(store: store)
            let report = try await service.generate(Self.quarter, agency: nil, audience: .internal, now: Self.later)
            #expect(report.received.total == 2 && report.received.byAgency == [.init(key: "BTC", count: 1)])

            // Later: another petition, routed too.
            let (third, _) = try await submitPetition(client)
            try await vpcp.act(third, "assigned", ["leadAgency": "BYT"])
            let again = try await service.generate(
                Self.quarter, agency: nil, audience: .internal, headSize: report.parameters.head.size, now: Self.later)
            #expect(try again.canonicalBytes() == report.canonicalBytes())
            #expect(try again.csvArchive() == report.csvArchive())
            let renderer = ReportRenderer(
                catalogue: try Catalogue.bundled(), library: try await MustacheLibrary.bundled())
            let html = { (r: PeriodReport) in
                try renderer.render(r, signed: nil, format: .html, language: .vi, agencyNames: [:], verifyURL: "")
            }
            #expect(try html(again) == html(report))

            let now = try await service.generate(Self.quarter, agency: nil, audience: .internal, now: Self.later)
            #expect(now.parameters.head.size > report.parameters.head.size)
            #expect(now.received.total == 3)
        }
    }

    @Test func theSignatureVerifiesAndAChangedByteDoesNot() async throws {
        try await withApp { client, store in
            _ = try await submitPetition(client)
            let service = ReportService(store: store)
            let report = try await service.generate(Self.quarter, agency: nil, audience: .public, now: Self.later)
            let signed = try await service.sign(report, passphrase: Self.settings.caPassphrase, now: Date())
            #expect(signed.content.agency == Agency.governmentOfficeCode)

            let body = ByteBuffer(bytes: try CanonicalJSON(encoding: signed).bytes)
            let valid = try await client.execute(uri: "/api/v1/verify", method: .post, headers: jsonHeaders, body: body).json()
            #expect(valid["valid"] as? Bool == true)
            #expect(valid["report"] as? String == Self.quarter.label)
            #expect(valid["agency"] as? String == "Văn phòng Chính phủ" && valid["signer"] as? String == "Văn phòng Chính phủ")

            var changed = signed
            changed.content.report.received.total += 1
            let invalid = try await client.execute(
                uri: "/api/v1/verify", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: try JSONEncoder().encode(changed))
            ).json()
            #expect(invalid["valid"] as? Bool == false && invalid["reason"] as? String == "signatureMismatch")

            // One changed byte anywhere in the signed bytes: the text of a figure.
            let text = String(decoding: try CanonicalJSON(encoding: signed).bytes, as: UTF8.self)
            let tampered = text.replacingOccurrences(of: "\"audience\":\"public\"", with: "\"audience\":\"publik\"")
            #expect(tampered != text)
            let offline = try await store.answerVerifier()
            #expect(await offline.verify(json: Data(text.utf8)).valid)
            #expect(await offline.verify(json: Data(tampered.utf8)).reason == .signatureMismatch)

            // The verification page says which report it checked.
            let browser = Browser(client)
            let token = Browser.csrfToken(in: try await browser.get(Site.verify.path).text)
            let page = try await browser.post(Site.verify.path, fields: [("document", text)], csrf: token, multipart: true)
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.quarter.label))
        }
    }

    @Test func thePeriodMustBeOverAndTheAgencyKnown() async throws {
        try await withApp { _, store in
            let service = ReportService(store: store)
            await #expect(throws: ReportService.Problem.self) {
                _ = try await service.generate(Self.quarter, agency: nil, audience: .internal, now: Date())
            }
            await #expect(throws: ReportService.Problem.self) {
                _ = try await service.generate(Self.quarter, agency: "XYZ", audience: .internal, now: Self.later)
            }
            await #expect(throws: ReportService.Problem.self) {
                _ = try await service.generate(Self.quarter, agency: nil, audience: .internal, headSize: 987_654, now: Self.later)
            }
        }
    }

    @Test func thePrintableReportInBothLanguages() async throws {
        try await withApp { client, store in
            _ = try await submitPetition(client)
            let report = try await ReportService(store: store).generate(Self.quarter, agency: nil, audience: .internal, now: Self.later)
            let renderer = ReportRenderer(
                catalogue: try Catalogue.bundled(), library: try await MustacheLibrary.bundled())
            for language in Language.allCases {
                let html = String(
                    decoding: try renderer.render(
                        report, signed: nil, format: .html, language: language, agencyNames: [:], verifyURL: ""), as: UTF8.self)
                #expect(html.hasPrefix("<!doctype html>") && html.contains("lang=\"\(language.rawValue)\""))
                #expect(html.contains("@page { size: A4"))
                #expect(html.contains("<svg") && html.contains("<desc"))
                #expect(!html.contains("report_col_") && !html.contains("report_table_"))
                #expect(html.contains(report.summary[0]))
            }
        }
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// One generated petition: a template filled with generated names and places.
struct DemoPetition {
    let valid: ValidPetition
    let lead: String
    let answer: String

    init(corpus: DemoCorpus, template: DemoCorpus.Template, agencies: [Agency], random: inout SeededRandom) {
        let candidates = agencies.filter { agency in
            if let codes = template.agencyCodes, !codes.isEmpty { return codes.contains(agency.code) }
            return (template.agencyKinds ?? [.province]).contains(agency.kind)
        }
        let agency = candidates.isEmpty ? random.pick(agencies) : random.pick(candidates)
        let isOrganization = template.content.contains("{company}") || template.title.contains("{company}")
        let name = [random.pick(corpus.familyNames), random.pick(corpus.middleNames), random.pick(corpus.givenNames)].joined(separator: " ")
        let street = random.pick(corpus.streets)
        let ward = random.pick(corpus.wards)
        // People write from a province even when their petition is for a ministry.
        let provinces = agencies.filter { $0.kind == .province }
        let home = agency.kind == .province || provinces.isEmpty ? agency : random.pick(provinces)
        let address = "Số \(Int.random(in: 1...300, using: &random)) \(street), \(ward), \(home.nameVi)"
        let company = random.pick(corpus.companyPrefixes) + " " + random.pick(corpus.companyNames)
        let taxCode = String(format: "%010d", Int.random(in: 100_000_000...999_999_999, using: &random))
        let date = "\(Int.random(in: 1...28, using: &random))/\(Int.random(in: 1...12, using: &random))"
        let values: [String: String] = [
            "name": name, "address": address, "ward": ward, "street": street, "province": home.nameVi,
            "company": company, "taxCode": taxCode, "date": date, "days": String(Int.random(in: 15...120, using: &random)),
            "amount": "\(Int.random(in: 2...900, using: &random)).000.000 đồng", "agency": agency.nameVi,
        ]
        /// The template with each `{name}` replaced, in one pass.
        func fill(_ text: String) -> String {
            var result = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                result += rest[..<open]
                let key = String(rest[rest.index(after: open)..<close])
                result += values[key] ?? String(rest[open...close])
                rest = rest[rest.index(after: close)...]
            }
            return result + rest
        }
        // Demo phone numbers use the 0900 000 xxx block and example.vn mail: never a real person.
        let submitter = Submitter(
            kind: isOrganization ? .organization : .individual, name: name, address: address,
            phone: "0900000" + String(format: "%03d", Int.random(in: 0...999, using: &random)),
            email: random.chance(0.7) ? "nguoidan\(Int.random(in: 1...99_999, using: &random))@example.vn" : "",
            organizationName: isOrganization ? company : nil, taxCode: isOrganization ? taxCode : nil)
        valid = ValidPetition(
            submitter: submitter, category: template.category, fieldCode: template.field,
            agencyCode: random.chance(0.6) ? agency.code : nil, title: fill(template.title),
            content: fill(template.content), publishName: random.chance(0.3))
        lead = agency.code
        answer = fill(template.answer)
    }
}

/// What has happened to a demo petition by `until`: the older it is, the further it got.
struct DemoHistory {
    let receivedAt: Date
    let until: Date
    let lead: String
    let answer: String
    let staff: DemoStaff
    /// The petition's texts and submitter: what the approver masks before publication.
    let texts: PublicationTexts
    /// What masked personal data reads as (the catalogue's Vietnamese).
    let mask: (PersonalDataFinding.Kind) -> String
    let code: TrackingCode
    /// The lead agency's key, when the demo signs its approvals.
    let signer: DemoSigner?

    static let day = 86_400.0

    func events(random: inout SeededRandom) -> [PetitionEvent] {
        var events: [PetitionEvent] = []
        var at = receivedAt
        let vpcp = Agency.governmentOfficeCode
        func add(_ body: any EventBody, after days: ClosedRange<Double>, actor: Actor, agency: String?) -> Bool {
            add(after: days, actor: actor, agency: agency) { _ in body }
        }
        func add(after days: ClosedRange<Double>, actor: Actor, agency: String?, _ body: (Date) -> any EventBody) -> Bool {
            at = Self.officeHours(at.addingTimeInterval(Double.random(in: days, using: &random) * Self.day), after: at, random: &random)
            guard at < until else { return false }
            events.append(PetitionEvent(sequence: 0, at: at, actor: actor, agencyCode: agency, body: body(at)))
            return true
        }
        if random.chance(0.08) {
            let reason = random.pick([
                RefusalReason.outOfScopeComplaint, .outOfScopeDenunciation, .legalQuestion, .missingInformation, .duplicate,
            ])
            _ = add(
                Rejected(reasonCode: reason, explanation: "Không thuộc phạm vi tiếp nhận."), after: 0.5...4, actor: staff.coordinator,
                agency: vpcp)
            return events
        }
        guard add(Assigned(leadAgency: lead), after: 0.5...5, actor: staff.coordinator, agency: vpcp) else { return events }
        guard add(Acknowledged(), after: 0.5...4, actor: .system, agency: lead) else { return events }
        if random.chance(0.06) {
            guard
                add(InfoRequested(message: "Đề nghị ông/bà bổ sung bản sao giấy tờ liên quan."), after: 1...5, actor: .system, agency: lead)
            else { return events }
            guard add(InfoProvided(content: "Tôi xin gửi bổ sung giấy tờ theo đề nghị."), after: 1...10, actor: .submitter, agency: nil)
            else { return events }
        }
        if random.chance(0.3) {
            guard
                add(
                    ProgressUpdated(note: "Đang phối hợp kiểm tra, xác minh nội dung phản ánh."), after: 5...20, actor: .system,
                    agency: lead)
            else { return events }
        }
        // Drafted, approved by another hand, personal data masked, then published: as the
        // workflow requires, so that the demo publishes nothing personal.
        guard add(AnswerDrafted(content: answer), after: random.chance(0.8) ? 4...24 : 25...58, actor: .system, agency: lead) else {
            return events
        }
        guard add(after: 0.2...1, actor: .system, agency: lead, { AnswerApproved(signed: signer?.sign(answer, code: code, at: $0)) })
        else { return events }
        for redaction in redactions() {
            guard add(redaction, after: 0.01...0.05, actor: .system, agency: lead) else { return events }
        }
        guard add(AnswerPublished(answer: answer), after: 0.1...1, actor: .system, agency: lead) else { return events }
        if random.chance(0.5) {
            let satisfaction = random.pick([5, 5, 4, 4, 3, 2, 1])
            guard add(Rated(satisfaction: satisfaction), after: 1...10, actor: .submitter, agency: nil) else { return events }
        }
        if random.chance(0.05) {
            guard
                add(
                    FollowedUp(content: "Câu trả lời chưa giải quyết được vướng mắc của tôi."), after: 2...20, actor: .submitter,
                    agency: nil)
            else { return events }
            guard
                add(
                    Escalated(reason: .repeatedComplaint, summary: "Người dân tiếp tục phản ánh; VPCP đề xuất Thủ tướng chỉ đạo."),
                    after: 3...15,
                    actor: staff.coordinator, agency: vpcp)
            else { return events }
            _ = add(
                Decided(decision: "Thủ tướng giao cơ quan chủ trì rà soát, sửa đổi quy định.", outcome: .implement), after: 10...40,
                actor: staff.coordinator, agency: vpcp)
            return events
        }
        if random.chance(0.6) { _ = add(Closed(), after: 5...15, actor: .system, agency: vpcp) }
        return events
    }

    /// The masks the approver applies: every finding of the publication check, per part.
    func redactions() -> [Redacted] {
        let state = CaseState(events: [
            PetitionEvent(sequence: 1, at: receivedAt, actor: .system, agencyCode: lead, body: AnswerDrafted(content: answer))
        ])
        let unresolved = PublicationCheck.unresolved(texts, state: state)
        return Redacted.Target.allCases.compactMap { target in
            let findings = unresolved.filter { $0.target == target }.map(\.finding)
            guard !findings.isEmpty else { return nil }
            let text = target == .title ? texts.title : target == .content ? texts.content : answer
            return Redacted(target: target, masked: Redaction.apply(findings, to: text, mask: mask))
        }
    }

    /// Officials act in office hours: the same day (Vietnam time) between 08:00 and 17:00,
    /// never before the previous step.
    static func officeHours(_ date: Date, after previous: Date, random: inout SeededRandom) -> Date {
        let offset = 7.0 * 3600
        let localDay = ((date.timeIntervalSince1970 + offset) / day).rounded(.down)
        let inHours = Date(timeIntervalSince1970: localDay * day - offset + Double.random(in: 8 * 3600...16.9 * 3600, using: &random))
        return max(inHours, previous.addingTimeInterval(600))
    }
}

/// Signs the demo's approvals with the agency's own key, as a leader would.
struct DemoSigner {
    let identity: SigningIdentity
    let agency: AnswerDocument.Party

    func sign(_ answer: String, code: TrackingCode, at: Date) -> SignedAnswer? {
        try? identity.sign(
            AnswerDocument(
                trackingCode: code.description, agency: agency, answer: answer, approvedAt: Timestamp.string(at),
                approver: .init(name: "Lãnh đạo \(agency.name) (dữ liệu mẫu)", title: "Lãnh đạo cơ quan")))
    }
}

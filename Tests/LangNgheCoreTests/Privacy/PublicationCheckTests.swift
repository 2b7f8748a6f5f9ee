import Foundation
import LangNgheCore
import Testing

/// What blocks publication (DOMAIN.md §6): the submitter's own data wherever it appears, names
/// after forms of address, and the numbers the detector already finds; until each is masked or
/// marked "not personal data".
@Suite struct PublicationCheckTests {
    let subject = PersonalDataSubject(
        name: "Nguyễn Văn An", address: "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh", phone: "0912345678", email: "an@example.vn",
        nameMayBePublished: false)

    func found(_ text: String, consent: Bool = false) -> [String] {
        var subject = subject
        subject.nameMayBePublished = consent
        return PersonalDataDetector.findings(in: text, about: subject).map { "\($0.kind.code):\($0.text)" }
    }

    @Test func theSubmittersOwnNameAndAddressWhateverTheCase() {
        #expect(
            found("Tôi là NGUYỄN VĂN AN, trú tại số 12 nguyễn huệ, Phường Sài Gòn.") == [
                "name:NGUYỄN VĂN AN", "address:số 12 nguyễn huệ",
            ])
        // A form of address still names him.
        #expect(found("Ông Nguyễn Văn An đồng ý công khai tên.", consent: true) == ["name:Nguyễn Văn An"])
        #expect(found("Nguyễn Văn An đồng ý công khai tên.", consent: true).isEmpty)
    }

    @Test func namesAfterFormsOfAddress() {
        #expect(found("Kính gửi ông Trần Văn Bình, bà Lan và anh Hùng.") == ["name:Trần Văn Bình", "name:Lan", "name:Hùng"])
        #expect(found("Đề nghị ông/bà bổ sung giấy tờ; chị em phụ nữ.").isEmpty)
        #expect(found("Tỉnh Bà Rịa - Vũng Tàu cũ") == ["name:Rịa"])
    }

    @Test func publicationWaitsForEveryFindingToBeMaskedOrMarked() throws {
        let texts = PublicationTexts(title: "Chậm cấp sổ đỏ", content: "Tôi là Nguyễn Văn An, gọi 0912 345 678.", subject: subject)
        let drafted = [
            PetitionEvent(sequence: 1, at: Date(), actor: .submitter, agencyCode: nil, body: Submitted(channel: .web)),
            PetitionEvent(sequence: 2, at: Date(), actor: .staff(3), agencyCode: "BTC", body: AnswerDrafted(content: "Trả lời bà Lan.")),
        ]
        let unresolved = PublicationCheck.unresolved(texts, state: CaseState(events: drafted))
        #expect(
            unresolved.map { "\($0.target.rawValue):\($0.finding.text)" } == [
                "content:Nguyễn Văn An", "content:0912 345 678", "answer:Lan",
            ])
        let masked =
            drafted + [
                PetitionEvent(
                    sequence: 3, at: Date(), actor: .staff(4), agencyCode: "BTC",
                    body: Redacted(target: .content, masked: "Tôi là [họ tên đã ẩn], gọi [số điện thoại đã ẩn].")),
                PetitionEvent(
                    sequence: 4, at: Date(), actor: .staff(4), agencyCode: "BTC", body: MarkedNotPersonal(target: .answer, text: "Lan")),
            ]
        #expect(PublicationCheck.unresolved(texts, state: CaseState(events: masked)).isEmpty)
        // The workflow refuses to publish until then.
        let reference = Workflow.Reference(activeAgencies: ["BTC"], publication: texts)
        let leader = Principal.staff(StaffIdentity(id: 4, username: "l", agencyCode: "BTC", role: .leader))
        let approved = [
            PetitionEvent(sequence: 0, at: Date(), actor: .system, agencyCode: "VPCP", body: Assigned(leadAgency: "BTC")),
            PetitionEvent(sequence: 0, at: Date(), actor: .system, agencyCode: "BTC", body: Acknowledged()),
            PetitionEvent(sequence: 0, at: Date(), actor: .staff(3), agencyCode: "BTC", body: AnswerDrafted(content: "Trả lời bà Lan.")),
            PetitionEvent(sequence: 0, at: Date(), actor: .staff(4), agencyCode: "BTC", body: AnswerApproved()),
        ]
        let refused = Workflow.prepare(
            .answerPublished, input: EventInput(), by: leader, on: CaseState(events: drafted.prefix(1) + approved), reference: reference,
            at: Date())
        #expect(refused.failure == .conflict(.personalDataUnmasked))
        let allowed = Workflow.prepare(
            .answerPublished, input: EventInput(), by: leader, on: CaseState(events: drafted.prefix(1) + approved + masked.suffix(2)),
            reference: reference, at: Date())
        #expect(allowed.failure == nil)
    }
}

import Foundation
import Testing

@testable import LangNgheCore

/// Issue 14 §4: who is told of which event.
@Suite struct NoticeRulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    func event(_ sequence: Int, _ body: any EventBody, by actor: Actor = .system, isPublic: Bool? = nil) -> PetitionEvent {
        PetitionEvent(sequence: sequence, at: Self.t0, actor: actor, agencyCode: nil, isPublic: isPublic, body: body)
    }

    func notices(_ events: [PetitionEvent]) -> [Notice] {
        NoticeRules.notices(for: events, after: CaseState(events: events))
    }

    @Test func theSubmitterHearsOfTheReceiptAndEveryPublicStep() {
        let submitted = event(1, Submitted(channel: .web))
        #expect(notices([submitted]) == [Notice(.received, to: .submitter, sequence: 1)])
        let log = [
            submitted, event(2, Assigned(leadAgency: "BTC")), event(3, InfoRequested(message: "Xin bản sao sổ đỏ")),
            event(4, ProgressUpdated(note: "Đang xác minh")), event(5, Rejected(reasonCode: RefusalReason.allCases[0])),
        ]
        let kinds = NoticeRules.notices(for: Array(log.dropFirst()), after: CaseState(events: log)).filter { $0.audience == .submitter }
            .map(\.kind)
        #expect(kinds == [.assigned, .infoRequested, .progressUpdated, .refused])
    }

    @Test func anInternalProgressNoteTellsNobody() {
        let log = [event(1, Submitted(channel: .web)), event(2, ProgressUpdated(note: "ghi chú nội bộ"), isPublic: false)]
        #expect(NoticeRules.notices(for: [log[1]], after: CaseState(events: log)).isEmpty)
    }

    @Test func anAssignmentTellsTheLeadAndTheCoordinatingAgenciesButNotTheActor() {
        let coordinator = Actor.staff(7)
        let log = [
            event(1, Submitted(channel: .web)),
            event(2, Assigned(leadAgency: "BTC", coordinatingAgencies: ["BYT", "BTC"]), by: coordinator),
        ]
        let staff = NoticeRules.notices(for: [log[1]], after: CaseState(events: log)).filter { $0.audience != .submitter }
        #expect(
            staff == [
                Notice(.newCase, to: .agency("BTC", roles: [.officer, .leader]), sequence: 2, except: 7),
                Notice(.coordinationRequested, to: .agency("BYT", roles: [.officer, .leader]), sequence: 2, except: 7),
            ])
    }

    @Test func aDraftAwaitsTheLeadersAndInformationGoesToTheHandlers() {
        let officer = Actor.staff(11)
        var log = [event(1, Submitted(channel: .web)), event(2, Assigned(leadAgency: "BTC"))]
        log.append(event(3, AnswerDrafted(content: "Trả lời"), by: officer))
        #expect(
            NoticeRules.notices(for: [log[2]], after: CaseState(events: log)) == [
                Notice(.approvalAwaited, to: .agency("BTC", roles: [.leader]), sequence: 3, except: 11)
            ])
        let provided = [event(1, Submitted(channel: .web)), event(2, InfoProvided(content: "Đây là bản sao"), by: .submitter)]
        // Before any routing, the Government Office's coordinators hold the case.
        #expect(
            NoticeRules.notices(for: [provided[1]], after: CaseState(events: provided)) == [
                Notice(.infoProvided, to: .agency("VPCP", roles: [.officer, .leader, .coordinator]), sequence: 2)
            ])
    }

    @Test func anInvitedObserverIsTold() {
        let log = [event(1, Submitted(channel: .web)), event(2, ObserverInvited(observerID: 42, observer: "phong-vien"))]
        #expect(NoticeRules.notices(for: [log[1]], after: CaseState(events: log)) == [Notice(.invited, to: .staff(42), sequence: 2)])
    }

    @Test func remindersGoToWhoeverOwesTheStep() {
        #expect(
            NoticeRules.reminder(dueSoon: true, agency: "BTC")
                == Notice(.dueSoon, to: .agency("BTC", roles: [.officer, .leader]), sequence: nil))
        #expect(
            NoticeRules.reminder(dueSoon: false, agency: nil) == Notice(.overdue, to: .agency("VPCP", roles: [.coordinator]), sequence: nil)
        )
    }
}

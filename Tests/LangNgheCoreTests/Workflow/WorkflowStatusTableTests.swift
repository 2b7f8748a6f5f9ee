import Foundation
import LangNgheCore
import Testing

/// Every (status, event) pair: in which statuses each event may be appended at all.
@Suite struct WorkflowStatusTableTests {
    static let allowedStatuses: [EventType: Set<PetitionStatus>] = [
        .submitted: [],
        .assigned: [.received, .assigned, .inProgress],
        .rejected: [.received, .awaitingInfo],
        .returned: [.assigned, .inProgress],
        .acknowledged: [.assigned],
        .infoRequested: [.received, .assigned, .inProgress],
        .infoProvided: [.awaitingInfo],
        .progressUpdated: [.inProgress],
        .coordinationRequested: [.inProgress],
        .coordinationReplied: [.inProgress, .answered, .escalated],
        .answerDrafted: [.inProgress, .answered],
        .answerApproved: [.inProgress, .answered],
        .answerPublished: [.inProgress, .answered],
        .followedUp: [.answered],
        .rated: [.answered, .closed],
        .escalated: [.assigned, .inProgress, .answered],
        .decided: [.escalated],
        .merged: [.received, .awaitingInfo, .assigned, .inProgress],
        .closed: [.answered],
        .noteAdded: Set(PetitionStatus.allCases),
        .observerInvited: [.received, .awaitingInfo, .assigned, .inProgress, .answered, .escalated],
        .redacted: [.inProgress, .answered, .closed],
        .markedUseful: [.answered, .closed],
    ]

    @Test(arguments: PetitionStatus.allCases)
    func eventsAllowedIn(_ status: PetitionStatus) throws {
        for type in EventType.allCases {
            let expected = try #require(Self.allowedStatuses[type]).contains(status)
            #expect(WorkflowRule.rule(for: type).statuses.contains(status) == expected, "\(type.rawValue) in \(status.rawValue)")
        }
    }

    /// The same, through the decision itself: a coordinator on a case in each status.
    @Test func aCoordinatorIsRefusedWithConflictOutsideTheStatuses() {
        let cases: [PetitionStatus: [PetitionEvent]] = [
            .received: WorkflowFixture.received, .awaitingInfo: WorkflowFixture.awaitingInfo,
            .assigned: WorkflowFixture.assigned, .inProgress: WorkflowFixture.inProgress,
            .answered: WorkflowFixture.answered, .escalated: WorkflowFixture.escalated,
            .closed: WorkflowFixture.closed, .rejected: WorkflowFixture.rejected,
        ]
        let coordinator = WorkflowFixture.principals["coordinator"]!
        for (status, events) in cases {
            let state = CaseState(events: events)
            #expect(state.status == status)
            for type in [EventType.assigned, .rejected, .merged, .closed, .decided] {
                let allowed = Self.allowedStatuses[type]!.contains(status)
                let result = Workflow.check(type, by: coordinator, on: state)
                if allowed { #expect(result == nil, "\(type.rawValue) in \(status.rawValue)") }
                else { #expect(result == .conflict(.status), "\(type.rawValue) in \(status.rawValue)") }
            }
        }
    }

    @Test func answersMoveThroughDraftApprovalAndPublication() {
        let leader = WorkflowFixture.principals["leaderOwn"]!
        #expect(Workflow.check(.answerApproved, by: leader, on: CaseState(events: WorkflowFixture.inProgress)) == .conflict(.noDraftToApprove))
        #expect(Workflow.check(.answerPublished, by: leader, on: CaseState(events: WorkflowFixture.drafted)) == .conflict(.noApprovedDraft))
        #expect(Workflow.check(.answerApproved, by: leader, on: CaseState(events: WorkflowFixture.approved)) == .conflict(.noDraftToApprove))
        let answered = CaseState(events: WorkflowFixture.answered)
        #expect(answered.answersPublished == 1)
        #expect(Workflow.check(.rated, by: .submitter, on: CaseState(events: WorkflowFixture.answered + [WorkflowFixture.event(.rated)])) == .conflict(.alreadyRated))
    }

    @Test func escalationNeedsItsGrounds() {
        let coordinator = WorkflowFixture.principals["coordinator"]!
        let alone = CaseState(events: WorkflowFixture.received + [WorkflowFixture.event(.assigned, ["leadAgency": "BTC"])])
        let result = Workflow.prepare(.escalated, fields: ["reason": "disagreement", "summary": "x"], by: coordinator, on: alone, reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(result.failure == .conflict(.needsTwoAgencies))
        let noFollowUp = CaseState(events: WorkflowFixture.answered)
        let second = Workflow.prepare(.escalated, fields: ["reason": "repeatedComplaint", "summary": "x"], by: coordinator, on: noFollowUp, reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(second.failure == .conflict(.needsFollowUp))
        let twoAgencies = CaseState(events: WorkflowFixture.inProgress)
        let third = Workflow.prepare(.escalated, fields: ["reason": "disagreement", "summary": "x"], by: coordinator, on: twoAgencies, reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(third.failure == nil)
    }

    @Test func missingFieldsAreNamed() {
        let coordinator = WorkflowFixture.principals["coordinator"]!
        let state = CaseState(events: WorkflowFixture.received)
        let result = Workflow.prepare(.assigned, fields: ["coordinatingAgencies": "XYZ"], by: coordinator, on: state, reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        guard case .invalid(let errors) = result.failure else {
            Issue.record("expected invalid fields")
            return
        }
        #expect(Set(errors.map(\.field)) == ["leadAgency", "coordinatingAgencies"])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite struct StaffRoleTests {
    @Test func coordinatorsBelongToTheGovernmentOffice() {
        #expect(StaffRole.coordinator.isAllowed(atAgency: "VPCP"))
        #expect(!StaffRole.coordinator.isAllowed(atAgency: "BTC"))
        #expect(StaffRole.allCases.filter { $0 != .coordinator }.allSatisfy { $0.isAllowed(atAgency: "BTC") })
    }
}

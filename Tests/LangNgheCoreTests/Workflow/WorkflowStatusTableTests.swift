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
        // At screening only for matters within the Government's own authority (its fields decide).
        .escalated: [.received, .assigned, .inProgress, .answered],
        .decided: [.escalated],
        .merged: [.received, .awaitingInfo, .assigned, .inProgress],
        .closed: [.answered],
        .noteAdded: Set(PetitionStatus.allCases),
        .observerInvited: [.received, .awaitingInfo, .assigned, .inProgress, .answered, .escalated],
        .redacted: [.inProgress, .answered, .closed],
        .markedNotPersonal: [.inProgress, .answered, .closed],
        .markedUseful: [.answered, .closed],
        .personalDataErased: [.rejected, .closed],
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
                if allowed {
                    #expect(result == nil, "\(type.rawValue) in \(status.rawValue)")
                } else {
                    #expect(result == .conflict(.status), "\(type.rawValue) in \(status.rawValue)")
                }
            }
        }
    }

    @Test func answersMoveThroughDraftApprovalAndPublication() {
        let leader = WorkflowFixture.principals["leaderOwn"]!
        #expect(
            Workflow.check(.answerApproved, by: leader, on: CaseState(events: WorkflowFixture.inProgress)) == .conflict(.noDraftToApprove))
        #expect(Workflow.check(.answerPublished, by: leader, on: CaseState(events: WorkflowFixture.drafted)) == .conflict(.noApprovedDraft))
        #expect(
            Workflow.check(.answerApproved, by: leader, on: CaseState(events: WorkflowFixture.approved)) == .conflict(.noDraftToApprove))
        let answered = CaseState(events: WorkflowFixture.answered)
        #expect(answered.answersPublished == 1)
        #expect(
            Workflow.check(.rated, by: .submitter, on: CaseState(events: WorkflowFixture.answered + [WorkflowFixture.event(.rated)]))
                == .conflict(.alreadyRated))
    }

    @Test func escalationNeedsItsGrounds() {
        let coordinator = WorkflowFixture.principals["coordinator"]!
        let alone = CaseState(events: WorkflowFixture.received + [WorkflowFixture.event(.assigned, ["leadAgency": "BTC"])])
        let result = Workflow.prepare(
            .escalated, input: EventInput(["reason": "disagreement", "summary": "x"]), by: coordinator, on: alone,
            reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(result.failure == .conflict(.needsTwoAgencies))
        let noFollowUp = CaseState(events: WorkflowFixture.answered)
        let second = Workflow.prepare(
            .escalated, input: EventInput(["reason": "repeatedComplaint", "summary": "x"]), by: coordinator, on: noFollowUp,
            reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(second.failure == .conflict(.needsFollowUp))
        let twoAgencies = CaseState(events: WorkflowFixture.inProgress)
        let third = Workflow.prepare(
            .escalated, input: EventInput(["reason": "disagreement", "summary": "x"]), by: coordinator, on: twoAgencies,
            reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(third.failure == nil)
    }

    /// A matter within the Government's own authority goes up at screening, before any agency
    /// has it; a decision to implement it must then name the agency.
    @Test func governmentAuthorityGoesUpAtScreening() throws {
        let coordinator = WorkflowFixture.principals["coordinator"]!
        let screening = CaseState(events: WorkflowFixture.received)
        let refused = Workflow.prepare(
            .escalated, input: EventInput(["reason": "disagreement", "summary": "x"]), by: coordinator, on: screening,
            reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(refused.failure == .conflict(.onlyGovernmentAuthorityAtScreening))
        let fields = ["reason": "governmentAuthority", "summary": "Thuộc thẩm quyền Thủ tướng", "proposalNumber": "123/TTr-VPCP"]
        let escalated = try Workflow.prepare(
            .escalated, input: EventInput(fields), by: coordinator, on: screening, reference: WorkflowFixture.reference,
            at: WorkflowFixture.t0
        ).get()
        #expect(escalated.body(Escalated.self)?.proposalNumber == "123/TTr-VPCP")
        let waiting = CaseState(events: WorkflowFixture.received + [escalated])
        #expect(waiting.status == .escalated)
        let noAgency = Workflow.prepare(
            .decided, input: EventInput(["decision": "Giao thực hiện", "outcome": "implement"]), by: coordinator, on: waiting,
            reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
        #expect(noAgency.failure == .invalid([FieldError("leadAgency", .required)]))
        let decided = try Workflow.prepare(
            .decided,
            input: EventInput([
                "decision": "Giao Bộ Tài chính", "leadAgency": "BTC", "documentNumber": "45/TB-VPCP", "signer": "Phó Thủ tướng",
            ]),
            by: coordinator, on: waiting, reference: WorkflowFixture.reference, at: WorkflowFixture.t0
        ).get()
        let after = CaseState(events: WorkflowFixture.received + [escalated, decided])
        #expect(after.status == .inProgress && after.leadAgency == "BTC")
    }

    /// A return or a new assignment takes the draft and its approval with it: another agency's
    /// text is never published as the new lead's.
    @Test func aReturnTakesTheDraftWithIt() {
        let returned = WorkflowFixture.approved + [WorkflowFixture.event(.returned, agency: "BTC")]
        let state = CaseState(events: returned)
        #expect(state.draft == nil && !state.draftApproved && state.awaiting == "")
    }

    @Test func whoeverDraftedCannotApprove() {
        let leader = WorkflowFixture.principals["leaderOwn"]!
        let drafted =
            WorkflowFixture.inProgress + [
                PetitionEvent(
                    sequence: 0, at: WorkflowFixture.t0, actor: .staff(leader.staff!.id), agencyCode: "BTC",
                    body: AnswerDrafted(content: "Trả lời"))
            ]
        #expect(Workflow.check(.answerApproved, by: leader, on: CaseState(events: drafted)) == .conflict(.approverIsDrafter))
        #expect(!Workflow.allowedEvents(for: leader, on: CaseState(events: drafted)).contains(.answerApproved))
        #expect(Workflow.check(.answerApproved, by: leader, on: CaseState(events: WorkflowFixture.drafted)) == nil)
    }

    @Test func missingFieldsAreNamed() {
        let coordinator = WorkflowFixture.principals["coordinator"]!
        let state = CaseState(events: WorkflowFixture.received)
        let result = Workflow.prepare(
            .assigned, input: EventInput(["coordinatingAgencies": "XYZ"]), by: coordinator, on: state, reference: WorkflowFixture.reference,
            at: WorkflowFixture.t0)
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

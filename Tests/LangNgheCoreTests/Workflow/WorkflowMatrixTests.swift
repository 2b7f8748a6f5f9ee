import Foundation
import LangNgheCore
import Testing

/// Every event type × every kind of principal (role × own / coordinating / other agency):
/// allowed or refused, and refused the right way (401 for nobody, 403 for the wrong person).
@Suite struct WorkflowMatrixTests {
    /// For each event: the case it is tried on, and who may append it there.
    static let expectations: [(EventType, [PetitionEvent], Set<String>)] = [
        (.submitted, WorkflowFixture.received, []),
        (.assigned, WorkflowFixture.received, ["coordinator"]),
        (.rejected, WorkflowFixture.received, ["coordinator"]),
        (.returned, WorkflowFixture.assigned, ["officerOwn", "leaderOwn"]),
        (.acknowledged, WorkflowFixture.assigned, ["officerOwn", "leaderOwn"]),
        (.infoRequested, WorkflowFixture.assigned, ["coordinator", "officerOwn", "leaderOwn"]),
        (.infoProvided, WorkflowFixture.awaitingInfo, ["submitter"]),
        (.progressUpdated, WorkflowFixture.inProgress, ["officerOwn", "leaderOwn"]),
        (.coordinationRequested, WorkflowFixture.inProgress, ["officerOwn", "leaderOwn"]),
        (.coordinationReplied, WorkflowFixture.coordinating, ["officerCoord", "leaderCoord"]),
        (.answerDrafted, WorkflowFixture.inProgress, ["officerOwn", "leaderOwn"]),
        (.answerApproved, WorkflowFixture.drafted, ["leaderOwn"]),
        (.answerPublished, WorkflowFixture.approved, ["leaderOwn", "coordinator"]),
        (.followedUp, WorkflowFixture.answered, ["submitter"]),
        (.rated, WorkflowFixture.answered, ["submitter"]),
        (.escalated, WorkflowFixture.followedUp, ["coordinator"]),
        (.decided, WorkflowFixture.escalated, ["coordinator"]),
        (.merged, WorkflowFixture.inProgress, ["coordinator"]),
        (.closed, WorkflowFixture.answered, ["coordinator"]),
        (
            .noteAdded, WorkflowFixture.inProgress,
            ["coordinator", "officerOwn", "leaderOwn", "officerCoord", "leaderCoord", "observerInvited"]
        ),
        (.observerInvited, WorkflowFixture.inProgress, ["coordinator"]),
        (.redacted, WorkflowFixture.drafted, ["coordinator", "leaderOwn"]),
        (.markedUseful, WorkflowFixture.answered, ["coordinator"]),
        (.markedNotPersonal, WorkflowFixture.drafted, ["coordinator", "leaderOwn"]),
        (.personalDataErased, WorkflowFixture.closed, []),
    ]

    @Test func everyEventTypeIsCovered() {
        #expect(Set(Self.expectations.map(\.0)) == Set(EventType.allCases))
    }

    @Test(arguments: expectations.map(\.0))
    func whoMayAppend(_ type: EventType) throws {
        let (_, events, allowed) = try #require(Self.expectations.first { $0.0 == type })
        let state = CaseState(events: events)
        for (name, principal) in WorkflowFixture.principals.sorted(by: { $0.key < $1.key }) {
            let result = Workflow.prepare(
                type, input: EventInput(WorkflowFixture.validFields(type)), by: principal, on: state,
                reference: WorkflowFixture.reference, at: WorkflowFixture.t0)
            switch result {
            case .success(let event):
                #expect(allowed.contains(name), "\(name) may not \(type.rawValue)")
                #expect(event.type == type)
            case .failure(let error):
                #expect(!allowed.contains(name), "\(name) should \(type.rawValue): \(error)")
                if name == "anonymous" {
                    #expect(error == .unauthenticated)
                } else if [.submitted, .personalDataErased].contains(type) {
                    #expect(error == .conflict(.systemOnly))
                } else {
                    #expect(error == .forbidden, "\(name) on \(type.rawValue): \(error)")
                }
            }
        }
    }

    @Test func staffActFortheirAgencyAndTheSubmitterForNobody() throws {
        let state = CaseState(events: WorkflowFixture.inProgress)
        let event = try Workflow.prepare(
            .progressUpdated, input: EventInput(["note": "Đang xử lý"]), by: WorkflowFixture.principals["officerOwn"]!, on: state,
            reference: WorkflowFixture.reference, at: WorkflowFixture.t0
        ).get()
        #expect(event.agencyCode == "BTC")
        #expect(event.actor == .staff(3))
        #expect(event.isPublic)
    }
}

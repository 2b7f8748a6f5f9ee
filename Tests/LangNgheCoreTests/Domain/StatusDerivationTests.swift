import Foundation
import LangNgheCore
import Testing

@Suite("Status derived from the event log")
struct StatusDerivationTests {
    /// Where each event leaves a case, whatever its status before.
    enum Effect: Sendable {
        case becomes(PetitionStatus)
        case unchanged
        /// Answering a request for information resumes the status the request interrupted.
        case resumes
    }

    static let effects: [EventType: Effect] = [
        .submitted: .becomes(.received),
        .rejected: .becomes(.rejected),
        .infoRequested: .becomes(.awaitingInfo),
        .infoProvided: .resumes,
        .assigned: .becomes(.assigned),
        .returned: .becomes(.received),
        .acknowledged: .becomes(.inProgress),
        .progressUpdated: .becomes(.inProgress),
        .coordinationRequested: .unchanged,
        .coordinationReplied: .unchanged,
        .answerDrafted: .unchanged,
        .answerApproved: .unchanged,
        .answerPublished: .becomes(.answered),
        .followedUp: .unchanged,
        .rated: .unchanged,
        .escalated: .becomes(.escalated),
        .decided: .becomes(.inProgress),  // outcome "implement"; "close" is tested below
        .merged: .becomes(.closed),
        .closed: .becomes(.closed),
        .noteAdded: .unchanged,
        .observerInvited: .unchanged,
        .redacted: .unchanged,
        .markedNotPersonal: .unchanged,
        .markedUseful: .unchanged,
        .personalDataErased: .unchanged,
    ]

    /// A short log that leaves a case in each status.
    static let prefixes: [PetitionStatus: [EventType]] = [
        .received: [.submitted],
        .rejected: [.submitted, .rejected],
        .awaitingInfo: [.submitted, .infoRequested],
        .assigned: [.submitted, .assigned],
        .inProgress: [.submitted, .assigned, .acknowledged],
        .answered: [.submitted, .assigned, .acknowledged, .answerPublished],
        .escalated: [.submitted, .assigned, .acknowledged, .answerPublished, .followedUp, .escalated],
        .closed: [.submitted, .closed],
    ]

    @Test func theTablesCoverEveryEventAndStatus() {
        #expect(Set(Self.effects.keys) == Set(EventType.allCases))
        #expect(Set(Self.prefixes.keys) == Set(PetitionStatus.allCases))
    }

    @Test(arguments: PetitionStatus.allCases)
    func prefixesLeadToTheirStatus(_ status: PetitionStatus) {
        #expect(CaseState(events: statusTestLog(Self.prefixes[status]!)).status == status)
    }

    @Test("Every (status, event) pair", arguments: PetitionStatus.allCases, EventType.allCases)
    func transition(from status: PetitionStatus, by type: EventType) throws {
        // setup
        var log = statusTestLog(Self.prefixes[status]!)
        log.append(statusTestEvent(type, sequence: log.count + 1, outcome: type == .decided ? "implement" : nil))

        // MUT
        let after = CaseState(events: log).status

        // validate: the awaitingInfo prefix was interrupted while received
        let expected: PetitionStatus =
            switch try #require(Self.effects[type]) {
            case .becomes(let next): next
            case .unchanged: status
            case .resumes: status == .awaitingInfo ? .received : status
            }
        #expect(after == expected)
    }

    @Test func anEmptyLogIsReceived() {
        #expect(CaseState(events: []).status == .received)
    }

    @Test(
        "Providing information resumes where the request interrupted",
        arguments: [
            ([.submitted, .infoRequested, .infoProvided], PetitionStatus.received),
            ([.submitted, .assigned, .infoRequested, .infoProvided], .assigned),
            ([.submitted, .assigned, .acknowledged, .infoRequested, .infoProvided], .inProgress),
            ([.submitted, .assigned, .acknowledged, .progressUpdated, .infoRequested, .noteAdded, .infoProvided], .inProgress),
            // A second request while waiting does not make "waiting" the place to resume.
            ([.submitted, .assigned, .acknowledged, .infoRequested, .infoRequested, .infoProvided], .inProgress),
            // A later request remembers the later status.
            ([.submitted, .infoRequested, .infoProvided, .assigned, .acknowledged, .infoRequested, .infoProvided], .inProgress),
            // Information that nobody asked for changes nothing.
            ([.submitted, .assigned, .acknowledged, .infoProvided], .inProgress),
        ] as [([EventType], PetitionStatus)])
    func infoRequestCycle(types: [EventType], expected: PetitionStatus) {
        #expect(CaseState(events: statusTestLog(types)).status == expected)
    }

    @Test(
        "The Government's decision closes the case or sends it back for implementation",
        arguments: [("close", PetitionStatus.closed), ("implement", .inProgress)])
    func decided(outcome: String, expected: PetitionStatus) {
        // setup
        var log = statusTestLog(Self.prefixes[.escalated]!)
        log.append(statusTestEvent(.decided, sequence: log.count + 1, outcome: outcome))

        // MUT, validate
        #expect(CaseState(events: log).status == expected)
    }

    @Test func returnedByTheAgencyGoesBackToReceived() {
        #expect(CaseState(events: statusTestLog([.submitted, .assigned, .returned])).status == .received)
        #expect(CaseState(events: statusTestLog([.submitted, .assigned, .acknowledged, .returned])).status == .received)
        #expect(CaseState(events: statusTestLog([.submitted, .assigned, .returned, .assigned])).status == .assigned)
    }

    @Test func aWholeCase() {
        // setup
        var log = statusTestLog([
            .submitted, .assigned, .acknowledged, .coordinationRequested, .coordinationReplied, .progressUpdated,
            .answerDrafted, .answerApproved, .answerPublished, .followedUp, .escalated,
        ])
        log.append(statusTestEvent(.decided, sequence: log.count + 1, outcome: "implement"))
        #expect(CaseState(events: log).status == .inProgress)

        // MUT
        log += statusTestLog([.answerPublished, .rated, .closed], from: log.count + 1)

        // validate
        #expect(CaseState(events: log).status == .closed)
    }
}

private func statusTestEvent(_ type: EventType, sequence: Int, outcome: String? = nil) -> PetitionEvent {
    PetitionEvent(
        sequence: sequence, type: type, at: Date(timeIntervalSince1970: 1_795_918_329 + Double(sequence) * 3600),
        actor: type == .submitted ? .submitter : .staff(7), agencyCode: "VPCP",
        data: outcome.map { ["outcome": $0] } ?? [:])
}

private func statusTestLog(_ types: [EventType], from first: Int = 1) -> [PetitionEvent] {
    types.enumerated().map { statusTestEvent($1, sequence: first + $0) }
}

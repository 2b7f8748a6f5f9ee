import Foundation
import LangNgheCore
import Testing

@Suite("Which events the public timeline shows")
struct EventTypeTests {
    /// Drafts, coordination between agencies, notes and invitations stay inside the administration.
    static let internalEvents: Set<EventType> = [
        .coordinationRequested, .coordinationReplied, .answerDrafted, .answerApproved, .noteAdded, .observerInvited, .redacted,
        .markedNotPersonal,
    ]

    @Test(arguments: EventType.allCases)
    func publicity(_ type: EventType) {
        #expect(type.isPublic == !Self.internalEvents.contains(type))
    }

    @Test func theInternalEventsAreExactlyThese() {
        #expect(Set(EventType.allCases.filter { !$0.isPublic }) == Self.internalEvents)
    }

    @Test(arguments: [EventType.submitted, .answerPublished, .decided, .answerDrafted, .noteAdded])
    func anEventIsPublicWhenItsTypeIs(_ type: EventType) {
        // MUT
        let event = PetitionEvent(sequence: 1, type: type, at: Date(timeIntervalSince1970: 0), actor: .system, agencyCode: nil)

        // validate
        #expect(event.isPublic == type.isPublic)
    }

    @Test func anEventCanBeKeptInternalExplicitly() {
        let event = PetitionEvent(
            sequence: 3, type: .progressUpdated, at: Date(timeIntervalSince1970: 0), actor: .staff(1),
            agencyCode: "HN", isPublic: false)
        #expect(event.isPublic == false)
    }

    @Test(arguments: EventType.allCases)
    func rawValuesAreStable(_ type: EventType) {
        // The raw value is what the databases store.
        #expect(EventType(rawValue: type.rawValue) == type)
        #expect(type.rawValue == "\(type)")
    }
}

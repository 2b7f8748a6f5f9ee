import Foundation
import LangNgheCore
import Testing

@Suite("Deadlines: forwarding and coordination between agencies")
struct AgencyDeadlineTests {
    let engine: DeadlineEngine

    init() throws {
        engine = try .official()
    }

    let assigned = Log().with(.submitted, "2026-03-11 10:00")
        .with(.assigned, "2026-03-12 10:00", agency: "VPCP", data: ["leadAgency": "BXD", "coordinatingAgencies": ""])

    @Test func theAssignedAgencyAcceptsOrReturnsWithinFiveWorkingDays() {
        let forward = engine.deadlines("forward", assigned, today: "2026-03-12")
        #expect(forward.map(\.dueDate) == [civil("2026-03-19")])
        #expect(forward.map(\.state) == [.running])
        let acknowledged = assigned.with(.acknowledged, "2026-03-17 10:00", agency: "BXD")
        let accepted = engine.deadlines("forward", acknowledged, today: "2026-03-30")
        #expect(accepted.map(\.state) == [.met(on: civil("2026-03-17"), onTime: true)])
        let unanswered = engine.deadlines("forward", assigned, today: "2026-03-20")
        #expect(unanswered.map { $0.isOverdue(today: civil("2026-03-20")) } == [true])
    }

    @Test func aNewAssignmentAfterAReturnStartsANewClock() {
        let log = assigned.with(.returned, "2026-03-17 10:00", agency: "BXD")
            .with(.assigned, "2026-03-18 10:00", agency: "VPCP", data: ["leadAgency": "BTC", "coordinatingAgencies": ""])
        let forward = engine.deadlines("forward", log, today: "2026-03-18")
        #expect(forward.map(\.state) == [.met(on: civil("2026-03-17"), onTime: true), .running])
        #expect(forward.map(\.dueDate) == [civil("2026-03-19"), civil("2026-03-25")])
    }

    let coordinating = Log().with(.submitted, "2026-03-11 10:00")
        .with(.coordinationRequested, "2026-03-12 10:00", agency: "BXD", data: ["agency": "BTC"])
        .with(.coordinationRequested, "2026-03-13 10:00", agency: "BXD", data: ["agency": "BTP"])
        .with(.coordinationReplied, "2026-03-16 10:00", agency: "BTC")

    @Test func eachAgencyAskedHasItsOwnClock() throws {
        let clocks = engine.deadlines("coordination", coordinating, today: "2026-03-23")
        #expect(clocks.map(\.agencyCode) == ["BTC", "BTP"])
        #expect(clocks.map(\.dueDate) == [civil("2026-03-19"), civil("2026-03-20")])
        #expect(clocks[0].state == .met(on: civil("2026-03-16"), onTime: true))
        #expect(clocks[1].state == .running && clocks[1].isOverdue(today: civil("2026-03-23")))
        #expect(clocks[1].workingDaysLeft(today: civil("2026-03-23"), calendar: engine.calendar) == -1)
    }

    @Test func twoRequestsToOneAgencyAreRepliedInTurn() {
        let log = coordinating.with(.coordinationRequested, "2026-03-17 10:00", agency: "BXD", data: ["agency": "BTC"])
            .with(.coordinationReplied, "2026-03-18 10:00", agency: "BTC")
            .with(.coordinationReplied, "2026-03-18 11:00", agency: "BXD")  // not asked: nothing to meet
        let clocks = engine.deadlines("coordination", log, today: "2026-03-19")
        #expect(clocks.map(\.agencyCode) == ["BTC", "BTP", "BTC"])
        #expect(clocks.map(\.isOpen) == [false, true, false])
    }

    @Test func aReturnWithdrawsTheOpenRequests() {
        let log = coordinating.with(.returned, "2026-03-17 10:00", agency: "BXD")
        let withdrawn = engine.deadlines("coordination", log, today: "2026-03-30")
        #expect(withdrawn.map(\.state).last == .cancelled(on: civil("2026-03-17")))
    }
}

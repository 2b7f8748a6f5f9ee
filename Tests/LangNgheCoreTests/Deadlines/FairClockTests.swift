import Foundation
import LangNgheCore
import Testing

/// Clocks fair to agencies and to citizens (issue 8 §3): waiting for the Government pauses the
/// answer, a closing decision ends every clock, only a real public update restarts the count.
@Suite struct FairClockTests {
    let engine: DeadlineEngine
    let assigned = Log().with(.submitted, "2026-03-11 10:00")  // answer due 2026-04-08
        .with(Assigned(leadAgency: "BTC"), "2026-03-11 11:00", agency: "VPCP")
        .with(Acknowledged(), "2026-03-12 09:00", agency: "BTC")

    init() throws {
        engine = try .official(policies: try shippedPolicies())
    }

    @Test func waitingForTheGovernmentPausesTheAnswerClock() throws {
        let escalated = assigned.with(
            Escalated(reason: .governmentAuthority, summary: "Thuộc thẩm quyền Thủ tướng"), "2026-03-20 10:00", agency: "VPCP")
        // A month later, still waiting: paused, not late.
        let waiting = try #require(engine.answer(escalated, today: "2026-04-30"))
        #expect(waiting.state == .paused)
        #expect(!waiting.isOverdue(today: civil("2026-04-30")))
        // The decision to implement sends the case back with the days it had left.
        let decided = escalated.with(Decided(decision: "Giao Bộ Tài chính", outcome: .implement), "2026-05-04 10:00", agency: "VPCP")
        let resumed = try #require(engine.answer(decided, today: "2026-05-04"))
        #expect(resumed.state == .running)
        #expect(resumed.dueDate > civil("2026-05-04"))
    }

    @Test func aDecisionThatClosesTheCaseEndsEveryClock() throws {
        let late = assigned.with(Escalated(reason: .governmentAuthority, summary: "Trình"), "2026-04-20 10:00", agency: "VPCP")
            .with(Decided(decision: "Kết thúc", outcome: .close), "2026-05-10 10:00", agency: "VPCP")
        let deadlines = engine.deadlines(late, today: "2026-06-30")
        #expect(!deadlines.isEmpty)
        for deadline in deadlines {
            #expect(!deadline.isOpen, "\(deadline.policy) still open")
            #expect(!deadline.isOverdue(today: civil("2026-06-30")))
            if case .met(_, let onTime) = deadline.state { #expect(onTime, "\(deadline.policy) counted late") }
        }
    }

    @Test func onlyARealPublicUpdateRestartsTheClock() throws {
        let short = assigned.with(ProgressUpdated(note: "Đang xử lý.", restartsClock: false), "2026-04-01 10:00", agency: "BTC")
        #expect(engine.answer(short, today: "2026-04-01")?.dueDate == civil("2026-04-08"))
        let real = assigned.with(
            ProgressUpdated(note: "Bộ đang lấy ý kiến Bộ Tư pháp về cách hiểu điều 12."), "2026-04-01 10:00", agency: "BTC")
        #expect(try #require(engine.answer(real, today: "2026-04-01")).dueDate > civil("2026-04-08"))
    }

    @Test func theRecordedUpdateSaysWhetherItRestarts() throws {
        let state = CaseState(events: assigned.events)
        let reference = Workflow.Reference(activeAgencies: ["BTC", "VPCP"])
        let officer = Principal.staff(StaffIdentity(id: 3, username: "o", agencyCode: "BTC", role: .officer))
        func update(_ note: String, on state: CaseState) throws -> PetitionEvent {
            try Workflow.prepare(
                .progressUpdated, input: EventInput(["note": note]), by: officer, on: state, reference: reference, at: Date()
            ).get()
        }
        let note = "Bộ đang lấy ý kiến Bộ Tư pháp về cách hiểu điều 12."
        let first = try update(note, on: state)
        #expect(first.body(ProgressUpdated.self)?.restartsClock == true)
        let after = CaseState(events: assigned.events + [first])
        #expect(after.clockRestarts == 1)
        #expect(try update(note, on: after).body(ProgressUpdated.self)?.restartsClock == false)
        #expect(try update("Đang xử lý.", on: after).body(ProgressUpdated.self)?.restartsClock == false)
        let second = try update("Đã có ý kiến Bộ Tư pháp; đang hoàn thiện dự thảo trả lời.", on: after)
        #expect(CaseState(events: assigned.events + [first, second]).clockRestarts == 2)
    }
}

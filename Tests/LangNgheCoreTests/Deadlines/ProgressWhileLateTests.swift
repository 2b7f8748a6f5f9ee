import Foundation
import LangNgheCore
import Testing

@Suite("Deadlines: a progress update every 7 days while the answer is late")
struct ProgressWhileLateTests {
    let engine: DeadlineEngine

    init() throws {
        engine = try .official()
    }

    let received = Log().with(.submitted, "2026-02-11 10:00")  // answer due Wednesday 2026-03-18

    @Test func itStartsWhenTheAnswerIsLate() throws {
        #expect(engine.deadlines("progressWhileLate", received, today: "2026-03-18").isEmpty)
        let late = try #require(engine.deadlines("progressWhileLate", received, today: "2026-03-19").first)
        #expect(late.state == .running && late.dueDate == civil("2026-03-25"))
        #expect(late.startedAt == isoInstant("2026-03-19T00:00:00+07:00"))
        #expect(!late.isOverdue(today: civil("2026-03-25")))
        let week = engine.deadlines("progressWhileLate", received, today: "2026-03-26")
        #expect(week.map { $0.isOverdue(today: civil("2026-03-26")) } == [true])
    }

    @Test func anUpdateMeetsItAndRestartsTheAnswer() throws {
        let updated = received.with(.progressUpdated, "2026-03-24 10:00")
        let progress = engine.deadlines("progressWhileLate", updated, today: "2026-04-21")
        #expect(progress.map(\.state) == [.met(on: civil("2026-03-24"), onTime: true)])
        #expect(engine.answer(updated, today: "2026-04-21")?.dueDate == civil("2026-04-21"))
        // Late again: 7 calendar days from the new due date, over Hùng Kings' compensatory Monday.
        let again = engine.deadlines("progressWhileLate", updated, today: "2026-04-22")
        #expect(again.map(\.dueDate) == [civil("2026-03-25"), civil("2026-04-28")])
        #expect(again.last?.state == .running)
    }

    @Test func theAnswerEndsIt() {
        let answered = received.with(.answerPublished, "2026-03-27 10:00")
        let afterAnswer = engine.deadlines("progressWhileLate", answered, today: "2026-04-01")
        #expect(afterAnswer.map(\.state) == [.met(on: civil("2026-03-27"), onTime: false)])
        let closed = received.with(.closed, "2026-03-20 10:00")
        let afterClosing = engine.deadlines("progressWhileLate", closed, today: "2026-04-01")
        #expect(afterClosing.map(\.state) == [.cancelled(on: civil("2026-03-20"))])
    }

    @Test func itRecursEveryWeekWhenTheAnswerDoesNotRoll() throws {
        // Were the 20 days counted from receipt only, each update would start the next 7 days.
        var answer = DeadlinePolicy.answer
        answer.start = [.submitted]
        let engine = try DeadlineEngine.official(policies: [answer, .progressWhileLate])
        let updated = received.with(.progressUpdated, "2026-03-24 10:00")
        let progress = engine.deadlines("progressWhileLate", updated, today: "2026-04-01")
        #expect(progress.map(\.dueDate) == [civil("2026-03-25"), civil("2026-03-31")])
        #expect(progress.map { $0.isOverdue(today: civil("2026-04-01")) } == [false, true])
    }
}

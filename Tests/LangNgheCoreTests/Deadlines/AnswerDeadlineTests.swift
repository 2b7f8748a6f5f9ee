import Foundation
import LangNgheCore
import Testing

@Suite("Deadlines: answer and publish within 20 working days")
struct AnswerDeadlineTests {
    let engine: DeadlineEngine

    init() throws {
        engine = try .official()
    }

    @Test(
        "Received in office hours in 2026 (as in OfficialScheduleTests)",
        arguments: [
            ("2026-02-11", "2026-03-18"),  // the Tết break 14–22 Feb
            ("2026-02-13", "2026-03-20"),
            ("2026-04-20", "2026-05-21"),  // Hùng Kings' Monday 27 Apr, 30 Apr, 1 May
            ("2026-08-14", "2026-09-15"),  // Saturday 22 Aug is worked, 29 Aug–2 Sep off
        ])
    func officialSchedule(received: String, due: String) throws {
        let answer = try #require(engine.answer(Log().with(.submitted, "\(received) 10:00"), today: received))
        #expect(answer.policy == "answer" && answer.state == .running)
        #expect(answer.dueDate == civil(due))
        #expect(answer.startedAt == isoInstant("\(received)T10:00:00+07:00"))
    }

    @Test(
        "Outside office hours the count starts on the next working day",
        arguments: [
            ("2026-03-11 10:00", "2026-04-08"),  // Wednesday, in office hours: day 1 is Thursday
            ("2026-03-11 17:30", "2026-04-09"),  // after closing: counted from Thursday
            ("2026-03-13 17:30", "2026-04-13"),  // Friday evening: counted from Monday
            ("2026-03-14 10:00", "2026-04-13"),  // Saturday: counted from Monday
        ])
    func officeHours(received: String, due: String) {
        #expect(engine.answer(Log().with(.submitted, received), today: "2026-03-20")?.dueDate == civil(due))
    }

    let received = Log().with(.submitted, "2026-03-11 10:00")  // due 2026-04-08

    @Test func informationRequestedHoldsTheClockForTheWorkingDaysItTook() {
        // Asked Monday 16 March, given Wednesday 18 in office hours: Tuesday and Wednesday held.
        let log = received.with(.infoRequested, "2026-03-16 09:00")
        let given = log.with(.infoProvided, "2026-03-18 10:00")
        #expect(engine.answer(given, today: "2026-03-20")?.dueDate == civil("2026-04-10"))
        // Given after closing: it counts from Thursday, so Thursday is held too.
        let givenLate = log.with(.infoProvided, "2026-03-18 18:00")
        #expect(engine.answer(givenLate, today: "2026-03-20")?.dueDate == civil("2026-04-13"))
        // Asked and given the same day: nothing held.
        let sameDay = log.with(.infoProvided, "2026-03-16 15:00")
        #expect(engine.answer(sameDay, today: "2026-03-20")?.dueDate == civil("2026-04-08"))
    }

    @Test func aPauseBeforeTheCountStartsHoldsOnlyTheDaysAfterIt() {
        // Sent Friday evening (counted from Monday 16), asked on Saturday, given Tuesday 17.
        let log = Log().with(.submitted, "2026-03-13 18:00").with(.infoRequested, "2026-03-14 09:00")
            .with(.infoProvided, "2026-03-17 10:00")
        // As if received on Tuesday: 20 working days from Wednesday 18.
        #expect(engine.answer(log, today: "2026-03-20")?.dueDate == civil("2026-04-14"))
    }

    @Test func whileWaitingForTheSubmitterTheClockIsPausedAndTheDaysLeftHold() throws {
        let calendar = engine.calendar
        let asked = received.with(.infoRequested, "2026-03-16 09:00")
        let onTheDay = try #require(engine.answer(asked, today: "2026-03-16"))
        let later = try #require(engine.answer(asked, today: "2026-03-20"))
        #expect(later.state == .paused && !later.isOverdue(today: civil("2026-03-20")))
        #expect(later.dueDate == civil("2026-04-14"))  // provisional: as if given today
        #expect(onTheDay.workingDaysLeft(today: civil("2026-03-16"), calendar: calendar) == 17)
        #expect(later.workingDaysLeft(today: civil("2026-03-20"), calendar: calendar) == 17)
    }

    @Test func anAnswerGivenWhileWaitingIsMeasuredAgainstTheMovedDueDate() {
        // Held from Monday 16 March until the answer on Thursday 9 April, the day after the first due date.
        let log = received.with(.infoRequested, "2026-03-16 09:00").with(.answerPublished, "2026-04-09 10:00")
        #expect(engine.answer(log, today: "2026-04-20")?.state == .met(on: civil("2026-04-09"), onTime: true))
    }

    @Test func askingForInformationAfterTheDueDateDoesNotExcuseTheDelay() throws {
        let asked = received.with(.infoRequested, "2026-04-10 09:00")
        let waiting = try #require(engine.answer(asked, today: "2026-04-13"))
        #expect(waiting.state == .paused && waiting.isOverdue(today: civil("2026-04-13")))
        let given = try #require(engine.answer(asked.with(.infoProvided, "2026-04-15 10:00"), today: "2026-04-15"))
        #expect(given.state == .running && given.dueDate == civil("2026-04-08"))
    }

    @Test func aPublishedProgressUpdateRestartsTheTwentyDays() throws {
        let log = received.with(.progressUpdated, "2026-03-23 10:00")
        let updated = try #require(engine.answer(log, today: "2026-03-23"))
        #expect(updated.dueDate == civil("2026-04-20"))
        #expect(updated.startedAt == isoInstant("2026-03-23T10:00:00+07:00"))
        // An internal progress note is not published status information.
        let note = received.with(.progressUpdated, "2026-03-23 10:00", isPublic: false)
        #expect(engine.answer(note, today: "2026-03-23")?.dueDate == civil("2026-04-08"))
    }

    @Test func publishingTheAnswerMeetsIt() {
        let onTime = received.with(.answerPublished, "2026-04-08 20:00")  // the due day counts to its end
        #expect(engine.answer(onTime, today: "2026-04-20")?.state == .met(on: civil("2026-04-08"), onTime: true))
        let late = received.with(.answerPublished, "2026-04-09 09:00")
        let answer = engine.answer(late, today: "2026-04-20")
        #expect(answer?.state == .met(on: civil("2026-04-09"), onTime: false))
        #expect(answer?.workingDaysLeft(today: civil("2026-04-20"), calendar: engine.calendar) == -1)
        #expect(answer?.isOverdue(today: civil("2026-04-20")) == false)
    }

    @Test func aRejectedPetitionHasNoDeadlineLeft() {
        let rejected = received.with(.rejected, "2026-03-12 10:00")
        #expect(engine.answer(rejected, today: "2026-05-01")?.state == .cancelled(on: civil("2026-03-12")))
        #expect(engine.deadlines(rejected, today: "2026-05-01").allSatisfy { !$0.isOpen })
    }

    @Test func eventsAfterTodayAreNotYetKnown() {
        let answered = received.with(.answerPublished, "2026-04-01 10:00")
        #expect(engine.answer(answered, today: "2026-03-31")?.state == .running)
        #expect(engine.answer(answered, today: "2026-04-01")?.state == .met(on: civil("2026-04-01"), onTime: true))
    }
}

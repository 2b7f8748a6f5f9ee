import Foundation
import LangNgheCore
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Deadlines: days left, lateness, speed")
struct DeadlineTests {
    let engine: DeadlineEngine

    init() throws {
        engine = try .official()
    }

    /// Due Friday 20 March 2026.
    let deadline = Deadline(
        policy: "answer", agencyCode: nil, startedAt: isoInstant("2026-02-13T10:00:00+07:00"),
        dueDate: civil("2026-03-20"), dueAt: isoInstant("2026-03-21T00:00:00+07:00"), state: .running)

    @Test(
        "Working days left, negative once late",
        arguments: [
            ("2026-03-18", 2), ("2026-03-19", 1), ("2026-03-20", 0),
            ("2026-03-21", -1),  // the Saturday after is already late
            ("2026-03-22", -1), ("2026-03-23", -1), ("2026-03-24", -2),
        ])
    func workingDaysLeft(today: String, left: Int) {
        #expect(deadline.workingDaysLeft(today: civil(today), calendar: engine.calendar) == left)
        #expect(deadline.isOverdue(today: civil(today)) == (left < 0))
    }

    @Test func anEndedDeadlineIsMeasuredOnTheDayItEnded() {
        var met = deadline
        met.state = .met(on: civil("2026-03-18"), onTime: true)
        #expect(met.workingDaysLeft(today: civil("2026-06-01"), calendar: engine.calendar) == 2)
        #expect(!met.isOverdue(today: civil("2026-06-01")) && !met.isOpen && met.endedOn == civil("2026-03-18"))
    }

    /// Many busy cases at once give open deadlines; how fast is measured by `langnghe-bench`
    /// (performance targets live in benchmarks, not in timed tests).
    @Test func manyBusyCasesHaveOpenDeadlines() {
        // setup: busy cases, received over most of 2026 (dates by arithmetic: parsing is slow)
        let cases = (0..<300).map { n in
            let receivedAt = civil("2026-01-05").adding(days: n).startOfDay().addingTimeInterval(10 * 3600)
            return Self.busyCase(receivedAt: receivedAt)
        }
        // MUT
        let open = cases.map {
            engine.deadlines(for: $0, fieldCode: nil, category: .conduct, today: civil("2026-12-31")).count(where: \.isOpen)
        }
        // validate: each still waits for its answer and its unanswered coordination
        #expect(open.allSatisfy { $0 >= 2 }, "\(Set(open))")
    }

    /// Ten events within a day of receipt: routing, two requests for coordination, a pause, an update.
    static func busyCase(receivedAt: Date) -> [PetitionEvent] {
        let steps: [(EventType, String?, [String: String])] = [
            (.submitted, nil, [:]), (.assigned, "VPCP", ["leadAgency": "BXD"]), (.acknowledged, "BXD", [:]),
            (.coordinationRequested, "BXD", ["agency": "BTC"]), (.coordinationRequested, "BXD", ["agency": "BTP"]),
            (.coordinationReplied, "BTC", [:]), (.infoRequested, "BXD", [:]), (.infoProvided, nil, [:]),
            (.progressUpdated, "BXD", [:]), (.noteAdded, "BXD", [:]),
        ]
        return steps.enumerated().map { i, step in
            PetitionEvent(
                sequence: i + 1, type: step.0, at: receivedAt.addingTimeInterval(Double(i) * 1800), actor: .system,
                agencyCode: step.1, data: step.2)
        }
    }

    /// The CPU time of this thread: unlike the wall clock, it does not count the time that
    /// tests running in parallel take from it.

}

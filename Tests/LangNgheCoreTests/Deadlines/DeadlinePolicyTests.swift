import Foundation
import LangNgheCore
import Testing

@Suite("Deadlines: policies as data")
struct DeadlinePolicyTests {
    let engine: DeadlineEngine

    init() throws {
        engine = try .official()
    }

    @Test func theShippedFileIsTheDefaults() throws {
        #expect(try shippedPolicies() == DeadlinePolicy.defaults)
    }

    @Test func theDefaultsAreWellFormed() {
        let codes = DeadlinePolicy.defaults.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(DeadlinePolicy.defaults.compactMap(\.whileOverdue).allSatisfy(codes.contains))
        #expect(DeadlinePolicy.defaults.allSatisfy { $0.length > 0 && !$0.legalBasis.isEmpty && !$0.nameVi.isEmpty })
    }

    @Test func aPolicyMayBeLimitedToFieldsAndCategories() {
        var scope = DeadlinePolicy.legalDocument.appliesTo
        #expect(scope.contains(field: "legal-documents", category: .conduct))
        #expect(!scope.contains(field: "land", category: .regulation))
        #expect(!scope.contains(field: nil, category: .regulation))
        scope = .init(categories: [.regulation, .proposal])
        #expect(scope.contains(field: nil, category: .proposal) && !scope.contains(field: "land", category: .conduct))
        #expect(DeadlinePolicy.Scope.all.contains(field: nil, category: .conduct))
    }

    @Test func aPetitionOnALegalDocumentIsAnsweredWithinFifteenDays() throws {
        let log = Log().with(.submitted, "2026-03-11 10:00")
        #expect(engine.deadlines("legalDocument", log, today: "2026-03-11", field: "land").isEmpty)
        let deadlines = engine.deadlines("legalDocument", log, today: "2026-03-11", field: "legal-documents")
        let fifteen = try #require(deadlines.first)
        #expect(fifteen.dueDate == civil("2026-03-26"))
        // The stricter of its two answer deadlines gives the petition its due date.
        #expect(engine.answer(log, today: "2026-03-11", field: "legal-documents")?.policy == "legalDocument")
        #expect(engine.answer(log, today: "2026-03-11", field: "land")?.policy == "answer")
    }

    @Test func daysCountedInCalendarDaysEndOnAWorkingDay() {
        // 15 days from Friday 10 April is Saturday 25; Sunday is Hùng Kings' Day, Monday its day off.
        let log = Log().with(.submitted, "2026-04-10 10:00")
        let fifteen = engine.deadlines("legalDocument", log, today: "2026-04-10", field: "legal-documents")
        #expect(fifteen.map(\.dueDate) == [civil("2026-04-28")])
    }

    @Test func aPolicyMayCountHoursOfRealTime() throws {
        let policy = DeadlinePolicy(
            code: "notice", nameVi: "Thông báo", nameEn: "Notice", legalBasis: "test", length: 72, unit: .hours,
            start: [.submitted], stop: [.answerPublished], pause: [.infoRequested], resume: [.infoProvided])
        let engine = try DeadlineEngine.official(policies: [policy])
        let log = Log().with(.submitted, "2026-03-11 18:30")  // hours run regardless of the office
        let notice = try #require(engine.deadlines(log, today: "2026-03-12").first)
        #expect(notice.dueAt == isoInstant("2026-03-14T18:30:00+07:00") && notice.dueDate == civil("2026-03-14"))
        let held = log.with(.infoRequested, "2026-03-12 09:00").with(.infoProvided, "2026-03-12 15:00")
        #expect(engine.deadlines(held, today: "2026-03-12").first?.dueAt == isoInstant("2026-03-15T00:30:00+07:00"))
    }

    @Test func aWatcherOfAnUnknownPolicyNeverStarts() throws {
        var watcher = DeadlinePolicy.progressWhileLate
        watcher.whileOverdue = "nothing"
        let engine = try DeadlineEngine.official(policies: [.answer, watcher])
        let late = Log().with(.submitted, "2026-02-11 10:00")
        #expect(engine.deadlines("progressWhileLate", late, today: "2026-04-30").isEmpty)
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Logging
import Testing

@testable import App

/// 10:00 in Hanoi on a given day.
func vietnamMorning(_ iso: String) -> Date {
    CivilDate(iso: iso)!.startOfDay(offsetSeconds: 7 * 3600).addingTimeInterval(10 * 3600)
}

@Suite struct DeadlineAppTests {
    @Test func theCalendarAPI() async throws {
        try await withApp { client, _ in
            let year = try await client.execute(uri: "/api/v1/calendar/2026", method: .get).json()
            #expect(year["lunarNewYear"] as? String == "2026-02-17")
            #expect(year["hungKings"] as? String == "2026-04-26")
            #expect(
                year["workingSaturdays"] as? [String] == ["2026-01-10", "2026-08-22"]
                    || (year["workingSaturdays"] as? [String])?.contains("2026-08-22") == true)
            let days = (year["nonWorkingDays"] as? [[String: Any]])?.compactMap { $0["date"] as? String } ?? []
            for day in [
                "2026-01-01", "2026-02-16", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01",
                "2026-09-02",
            ] {
                #expect(days.contains(day), "\(day) should be a day off")
            }
            let added = try await client.execute(uri: "/api/v1/calendar/add-working-days?from=2026-08-14&days=20", method: .get).json()
            #expect(added["date"] as? String == "2026-09-15")
            let bad = try await client.execute(uri: "/api/v1/calendar/add-working-days?from=2026-02-30", method: .get)
            #expect(bad.status == .unprocessableContent)
            let fields = (try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String]
            #expect(Set(fields?.keys.map { $0 } ?? []) == ["from", "days"])
            #expect(try await client.execute(uri: "/api/v1/calendar/3000", method: .get).status == .unprocessableContent)
        }
    }

    @Test func adminsEnterOverridesAndTheCalendarFollows() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let override: [String: Any] = [
                "date": "2026-11-24", "kind": "dayOff", "reason": "Ngày Văn hoá Việt Nam", "legalBasis": "Nghị quyết (ví dụ)",
            ]
            let officer = try await APIUser.signIn(client, "btc-officer")
            #expect(
                try await client.execute(
                    uri: "/api/v1/calendar-overrides", method: .post, headers: officer.headers, body: jsonBuffer(override)
                ).status == .forbidden)
            let admin = try await APIUser.signIn(client, "admin")
            let created = try await client.execute(
                uri: "/api/v1/calendar-overrides", method: .post, headers: admin.headers, body: jsonBuffer(override))
            #expect(created.status == .created)
            let year = try await client.execute(uri: "/api/v1/calendar/2026", method: .get).json()
            #expect((year["nonWorkingDays"] as? [[String: Any]])?.contains { $0["date"] as? String == "2026-11-24" } == true)
            let invalid = try await client.execute(
                uri: "/api/v1/calendar-overrides", method: .post, headers: admin.headers, body: jsonBuffer(["date": "24/11/2026"]))
            #expect(invalid.status == .unprocessableContent)
            #expect(
                try await client.execute(uri: "/api/v1/calendar-overrides/2026-11-24", method: .delete, headers: admin.headers).status
                    == .noContent)
            let after = try await client.execute(uri: "/api/v1/calendar/2026", method: .get).json()
            #expect((after["nonWorkingDays"] as? [[String: Any]])?.contains { $0["date"] as? String == "2026-11-24" } == false)
        }
    }

    @Test func petitionsShowTheirDueDateAndWhenTheyAreOverdue() async throws {
        let clock = TestClock(vietnamMorning("2026-02-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let (code, _) = try await submitPetition(client)
            let view = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
            #expect(view["dueDate"] as? String == "2026-03-18")
            #expect(view["overdue"] as? Bool == false)
            let (second, _) = try await submitPetition(client)
            clock.advance(86_400 * 36)  // 19 March
            let late = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
            #expect(late["overdue"] as? Bool == true)

            let vpcp = try await APIUser.signIn(client, "vpcp")
            let overdue = try await vpcp.get("/api/v1/inbox?overdue=true&sort=due").json()
            #expect(overdue["total"] as? Int == 2)
            #expect((overdue["items"] as? [[String: Any]])?.first?["overdue"] as? Bool == true)
            // A real progress update restarts the clock: the case is no longer overdue. Two
            // words, or the same words again, are not one.
            try await vpcp.act(second, "assigned", ["leadAgency": "HCM"])
            let officer = try await APIUser.signIn(client, "hcm-officer")
            try await officer.act(second, "acknowledged")
            try await officer.act(second, "progressUpdated", ["note": "Đang xác minh"])
            #expect(try await client.execute(uri: "/api/v1/petitions/\(second)", method: .get).json()["overdue"] as? Bool == true)
            try await officer.act(second, "progressUpdated", ["note": "Sở đang xác minh hồ sơ với Văn phòng đăng ký đất đai."])
            let updated = try await client.execute(uri: "/api/v1/petitions/\(second)", method: .get).json()
            #expect(updated["overdue"] as? Bool == false)
            #expect(try await vpcp.get("/api/v1/inbox?overdue=true").json()["total"] as? Int == 1)
            #expect(try await vpcp.get("/api/v1/inbox?sort=nonsense").status == .unprocessableContent)
        }
    }

    @Test func remindersAreRecordedOncePerCaseAndDay() async throws {
        let clock = TestClock(vietnamMorning("2026-02-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            let (code, _) = try await submitPetition(client)
            let deadlines = DeadlineService(store: store, environment: AppEnvironment(now: { clock.now }))
            let job = ReminderJob(store: store, deadlines: deadlines, holder: "test")
            let logger = Logger(label: "test")
            #expect(try await job.runOnce(logger: logger).recorded.isEmpty)
            clock.advance(86_400 * 32)  // 15 March: due 18 March, within three working days
            #expect(try await job.runOnce(logger: logger).recorded == [.dueSoon: 1])
            #expect(try await job.runOnce(logger: logger).recorded.isEmpty)
            clock.advance(86_400 * 12)  // 27 March: overdue for over seven days, no update
            #expect(try await job.runOnce(logger: logger).recorded == [.overdue: 1, .lateWithoutUpdate: 1])
            let all = try await store.reminders()
            #expect(all.count == 3)
            #expect(all.allSatisfy { $0.trackingCode.description == code && $0.dueDate == CivilDate(iso: "2026-03-18") })
        }
    }

    @Test func theAgencyThatOwesAForwardingOrACoordinationReplyIsReminded() async throws {
        let clock = TestClock(vietnamMorning("2026-03-02"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let (unaccepted, _) = try await submitPetition(client)
            let (asking, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            try await vpcp.act(unaccepted, "assigned", ["leadAgency": "HCM"])
            try await vpcp.act(asking, "assigned", ["leadAgency": "HCM"])
            let officer = try await APIUser.signIn(client, "hcm-officer")
            try await officer.act(asking, "acknowledged")
            try await officer.act(asking, "coordinationRequested", ["agency": "BTC", "question": "Đề nghị Bộ Tài chính cho ý kiến."])
            clock.advance(86_400 * 10)  // two weeks of working days later: both late
            let job = ReminderJob(
                store: store, deadlines: DeadlineService(store: store, environment: AppEnvironment(now: { clock.now })), holder: "test")
            let outcome = try await job.runOnce(logger: Logger(label: "test"))
            #expect(outcome.recorded[.forwardOverdue] == 1 && outcome.recorded[.coordinationOverdue] == 1)
            let reminders = try await store.reminders()
            #expect(
                reminders.first { $0.kind == .forwardOverdue }.map { ($0.trackingCode.description, $0.agencyCode) } ?? ("", nil) == (
                    unaccepted, "HCM"
                ))
            #expect(
                reminders.first { $0.kind == .coordinationOverdue }.map { ($0.trackingCode.description, $0.agencyCode) } ?? ("", nil) == (
                    asking, "BTC"
                ))
            // The case page shows each running clock and who owes it.
            let browser = Browser(client)
            try await browser.signIn("vpcp")
            let page = try await browser.get(Site.staffCase(.value(asking)).path).text
            #expect(page.contains("Trả lời phối hợp") && page.contains("Bộ Tài chính"))
        }
    }

    /// Two scheduler instances on one database at once: each reminder exactly once.
    @Test func twoSchedulersRecordEachReminderOnce() async throws {
        let clock = TestClock(vietnamMorning("2026-02-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            for _ in 0..<30 { _ = try await submitPetition(client) }
            clock.advance(86_400 * 44)
            let environment = AppEnvironment(now: { clock.now })
            // Each instance has its own services, as two servers would.
            let first = ReminderJob(store: store, deadlines: DeadlineService(store: store, environment: environment), holder: "server-a")
            let second = ReminderJob(store: store, deadlines: DeadlineService(store: store, environment: environment), holder: "server-b")
            let logger = Logger(label: "test")
            for _ in 0..<3 {
                async let a = first.runOnce(logger: logger)
                async let b = second.runOnce(logger: logger)
                _ = try await (a, b)
            }
            let reminders = try await store.reminders()
            #expect(reminders.count == 60)
            #expect(Set(reminders.map { "\($0.trackingCode) \($0.kind.rawValue)" }).count == 60)
        }
    }

    @Test func theCalendarPagesAndTheDueDateBadges() async throws {
        let clock = TestClock(vietnamMorning("2026-02-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let browser = Browser(client)
            let page = try await browser.get("/lich-lam-viec/2026")
            #expect(page.status == .ok)
            #expect(page.text.contains("17/02/2026"))
            #expect(page.text.contains("22/08/2026"))
            #expect(try await browser.get("/lich-lam-viec/3000").status == .notFound)
            let (code, _) = try await submitPetition(client)
            let tracking = try await browser.get("/tra-cuu?ma=\(code)")
            #expect(tracking.text.contains("18/03/2026"))

            let admin = Browser(client)
            try await admin.signIn("admin")
            let form = try await admin.get(Site.workingCalendar.path)
            #expect(form.status == .ok)
            let token = Browser.csrfToken(in: form.text)
            let invalid = try await admin.post(
                Site.workingCalendar.path, fields: [("date", "2027-13-01"), ("kind", "dayOff"), ("reason", "x"), ("legalBasis", "y")],
                csrf: token)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("value=\"2027-13-01\""))
            // Issue 10 §2: the date as the site shows it, and a wrong one told how to type it.
            #expect(invalid.text.contains(#"aria-describedby="date-error""#))
            #expect(invalid.text.contains("ví dụ 01/12/2026"))
            let added = try await admin.post(
                Site.workingCalendar.path,
                fields: [("date", "05/02/2027"), ("kind", "dayOff"), ("reason", "Nghỉ Tết"), ("legalBasis", "Công văn số …")], csrf: token)
            #expect(added.status == .seeOther)
            #expect(try await store.calendarOverrides().contains { $0.date == CivilDate(iso: "2027-02-05") })
            let listed = try await admin.get(Site.workingCalendar.path)
            #expect(listed.text.contains("<td>05/02/2027</td>"))
            let removed = try await admin.post(
                Site.workingCalendar.path, fields: [("operation", "delete"), ("date", "05/02/2027")],
                csrf: Browser.csrfToken(in: listed.text))
            #expect(removed.status == .seeOther)
            #expect(try await store.calendarOverrides().allSatisfy { $0.date != CivilDate(iso: "2027-02-05") })
        }
    }
}

@Suite struct FairDeadlineAppTests {
    @Test func refusedAndMergedCasesHaveNoDueDateAndAMergedOneNamesTheOther() async throws {
        let clock = TestClock(vietnamMorning("2026-02-11"))
        try await withApp(environment: AppEnvironment(now: { clock.now })) { client, store in
            try await TestStaff.create(in: store)
            let (kept, _) = try await submitPetition(client)
            let (duplicate, _) = try await submitPetition(client)
            let (refused, _) = try await submitPetition(client)
            let vpcp = try await APIUser.signIn(client, "vpcp")
            #expect(try await vpcp.act(duplicate, "merged", ["into": kept]).status == .created)
            #expect(try await vpcp.act(refused, "rejected", ["reasonCode": "legalQuestion"]).status == .created)
            clock.advance(86_400 * 60)
            for code in [duplicate, refused] {
                let view = try await client.execute(uri: "/api/v1/petitions/\(code)", method: .get).json()
                #expect(view["dueDate"] == nil && view["overdue"] as? Bool == false, "\(code)")
                let page = try await client.execute(uri: "/tra-cuu?ma=\(code)", method: .get).text
                #expect(!page.contains("Hạn trả lời"), "\(code) shows a due date")
            }
            let merged = try await client.execute(uri: "/tra-cuu?ma=\(duplicate)", method: .get).text
            #expect(merged.contains("Đã gộp vào PAKN \(kept)"))
            // The case page counts lateness in words, never as a negative number.
            let browser = Browser(client)
            try await browser.signIn("vpcp")
            let late = try await browser.get(Site.staffCase(.value(kept)).path).text
            #expect(late.contains("quá hạn") && late.contains("ngày làm việc"))
            #expect(!late.contains("(-"))
        }
    }
}

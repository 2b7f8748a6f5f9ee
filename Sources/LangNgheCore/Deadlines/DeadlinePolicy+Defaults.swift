extension DeadlinePolicy {
    /// The deadlines of DOMAIN.md §2. `LangNgheStorage/ReferenceData/deadline-policies.json`
    /// ships the same list (a test keeps them equal); an administrator may change either.
    public static let defaults: [DeadlinePolicy] = [.answer, .forward, .progressWhileLate, .coordination, .legalDocument]

    /// The events after which no deadline of a case applies any more.
    static let caseEnded: [EventType] = [.rejected, .merged, .closed]
    /// The case waits for someone outside the agency — the submitter's information, the
    /// Government's decision — and the answer clock with it; a decision that closes the case
    /// ends every clock instead (`Decided.clockEffect`).
    static let waiting: [EventType] = [.infoRequested, .escalated]
    static let waitOver: [EventType] = [.infoProvided, .decided]

    /// Answer and publish within 20 working days of receipt, or of the last published progress
    /// update: the seed's rolling clock, where every published status restarts the count.
    public static let answer = DeadlinePolicy(
        code: "answer", nameVi: "Trả lời, công khai kết quả xử lý", nameEn: "Answer and publish",
        legalBasis:
            "Chỉ đạo của Thủ tướng Chính phủ do Văn phòng Chính phủ truyền đạt (20 ngày làm việc kể từ ngày tiếp nhận "
            + "hoặc từ ngày cung cấp thông tin về tình hình xử lý trước đó); Quyết định 574/QĐ-TTg (2017)",
        length: 20, unit: .workingDays, start: [.submitted, .progressUpdated], stop: [.answerPublished],
        pause: waiting, resume: waitOver, cancel: caseEnded, publicEventsOnly: true)

    /// An agency that is assigned a petition accepts it or returns it, as not competent, within
    /// 5 working days. A new assignment after a return starts a new clock.
    public static let forward = DeadlinePolicy(
        code: "forward", nameVi: "Tiếp nhận hoặc trả lại PAKN được chuyển", nameEn: "Accept or return",
        legalBasis: "Nghị định 92/2017/NĐ-CP sửa đổi Nghị định 20/2008/NĐ-CP (chuyển PAKN trong 05 ngày làm việc)",
        length: 5, unit: .workingDays, start: [.assigned], stop: [.acknowledged, .returned], cancel: caseEnded)

    /// While the answer is overdue, a progress update is due every 7 days. With the default
    /// answer policy an update also restarts the answer's 20 days, so it is met and does not
    /// start again; it recurs (being in `start` as well) only if the answer's clock does not
    /// roll. Calendar days: the decision says "7 days", not working days.
    public static let progressWhileLate = DeadlinePolicy(
        code: "progressWhileLate", nameVi: "Cập nhật tiến độ khi quá hạn", nameEn: "Progress update while overdue",
        legalBasis: "Quyết định 574/QĐ-TTg (2017): quá hạn chưa xử lý xong thì cập nhật tình hình xử lý 07 ngày một lần",
        length: 7, unit: .calendarDays, start: [.progressUpdated], stop: [.progressUpdated, .answerPublished],
        cancel: caseEnded, publicEventsOnly: true, whileOverdue: "answer")

    /// Each agency asked to coordinate replies within 5 working days of the request. DOMAIN.md
    /// gives no legal text for this figure: it is the system's default, kept as data. A return
    /// or a new assignment withdraws the requests still open, as `CaseState` does.
    public static let coordination = DeadlinePolicy(
        code: "coordination", nameVi: "Trả lời phối hợp", nameEn: "Coordination reply",
        legalBasis: "Mặc định của Hệ thống; chưa có văn bản quy định thời hạn trả lời phối hợp",
        length: 5, unit: .workingDays, start: [.coordinationRequested], stop: [.coordinationReplied],
        cancel: caseEnded + [.returned, .assigned], perAgency: true)

    /// PAKN on legal normative documents are answered within 15 days. The texts say "15 days"
    /// without "working", so calendar days here; the unit is uncertain and kept as data. The
    /// reference data has no field for these petitions yet: "legal-documents" is the code the
    /// field should take when it is added.
    public static let legalDocument = DeadlinePolicy(
        code: "legalDocument", nameVi: "Trả lời PAKN về văn bản quy phạm pháp luật",
        nameEn: "Answer on a legal normative document",
        legalBasis: "Quyết định 48/2025/QĐ-TTg; Công điện 89/CĐ-TTg (2025)",
        length: 15, unit: .calendarDays, start: [.submitted], stop: [.answerPublished],
        pause: waiting, resume: waitOver, cancel: caseEnded, publicEventsOnly: true,
        appliesTo: Scope(fields: ["legal-documents"]))
}

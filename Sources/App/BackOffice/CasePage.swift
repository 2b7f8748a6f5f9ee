import Foundation
import LangNgheCore
import LangNgheStorage

/// A case as staff see it: the petition, the submitter (for those allowed), the whole timeline
/// (or the public one), and exactly the actions this user may take, as forms.
struct CasePage {
    struct Fact {
        let label: String
        let value: String
    }

    struct TimelineItem {
        let label: String
        let at: String
        /// The same moment for machines (`<time datetime>`), in RFC 3339 UTC.
        let atISO: String
        /// Unique names: Mustache looks a nil value up in the enclosing contexts.
        let eventAgency: String?
        let text: String
        let eventDetails: String?
        let isInternal: Bool
    }

    struct Attachment {
        let fileName: String
        let href: String
        let size: String
    }

    let code: String
    let title: String
    let content: String
    let status: String
    let statusKey: String
    let facts: [Fact]
    /// Empty for those who may not see the sender's details.
    let submitter: [Fact]
    let hasSubmitter: Bool
    let attachments: [Attachment]
    let timeline: [TimelineItem]
    let draft: String?
    let draftState: String?
    /// Personal data found in what will be published, for those who may mask it.
    let personalData: [PersonalDataWarning]
    let hasPersonalData: Bool
    let actions: [CaseAction]
    let hasActions: Bool
    let actionURL: String
    let error: String?
    let preview: String?
    /// Every clock running, with who owes it.
    let clocks: [Clock]
    let hasClocks: Bool

    struct Clock {
        let name: String
        let agency: String
        let due: String
        let badge: String
        let label: String
    }

    /// The answer deadline: its day, the days left, and a badge.
    let due: String?
    let deadlineBadge: String
    let deadlineLabel: String
    /// The notifications of the case and how far each got (never an address).
    var notifications: [NotificationRow] = []
    var hasNotifications = false
    /// The assistant's offers (`CaseAssistance`).
    var assistance = CaseAssistance()
}

extension CasePage {
    init(
        _ p: PetitionRecord, principal: Principal, catalogue: Catalogue, language: Language, agencies: [Agency],
        fields: [Field], observers: [(String, String)], values: EventInput = EventInput(), errors: [String: String] = [:],
        returned: EventType? = nil,
        error: String? = nil, preview: String? = nil, deadline: DeadlineStatus? = nil,
        clocks: [(policy: DeadlinePolicy, agency: String?, status: DeadlineStatus)] = []
    ) {
        let t = { (key: String) in catalogue.text(key, language) }
        let names = Dictionary(agencies.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { a, _ in a })
        let name = { (code: String?) in code.map { names[$0] ?? $0 } }
        let words = CatalogueWords(catalogue: catalogue, language: language, agencies: agencies.byCode)
        let state = CaseState(events: p.events)
        let code = p.trackingCode.description
        self.code = code
        // Those who may not see the sender (a coordinating agency, an invited observer) read the
        // title and content with the personal data masked, and not what the sender wrote later.
        let showSubmitter = CaseAccess.canSeeSubmitter(principal, state)
        let texts = p.publicationTexts
        func masked(_ text: String) -> String {
            Redaction.apply(PersonalDataDetector.findings(in: text, about: texts.subject), to: text) { t("mask_" + $0.code) }
        }
        title = showSubmitter ? p.title : masked(state.publicTitle ?? p.title)
        content = showSubmitter ? p.content : masked(state.publicContent ?? p.content)
        status = t("status_" + p.status.rawValue)
        statusKey = p.status.rawValue
        facts = [
            Fact(label: t("track_received"), value: DisplayDate.format(p.receivedAt)),
            Fact(label: t("label_category"), value: t("category_" + p.category.rawValue)),
            Fact(
                label: t("label_field"), value: p.fieldCode.map { code in fields.first { $0.code == code }?.name(language) ?? code } ?? "—"),
            Fact(label: t("label_agencyCode"), value: name(p.agencyCode) ?? t("form_agency_unknown")),
            Fact(label: t("case_lead"), value: name(state.leadAgency) ?? "—"),
            Fact(label: t("case_coordinating"), value: state.coordinatingAgencies.compactMap(name).joined(separator: ", ").nonEmpty ?? "—"),
            Fact(label: t("case_channel"), value: t("channel_" + p.channel.rawValue)),
        ]
        let s = p.submitter
        submitter =
            showSubmitter
            ? [
                Fact(label: t("label_submitter_name"), value: s.name), Fact(label: t("label_submitter_address"), value: s.address),
                Fact(label: t("label_submitter_phone"), value: s.phone),
                Fact(label: t("label_submitter_email"), value: s.email.nonEmpty ?? "—"),
            ] + (s.organizationName.map { [Fact(label: t("label_submitter_organizationName"), value: $0)] } ?? [])
                + (s.taxCode.map { [Fact(label: t("label_submitter_taxCode"), value: $0)] } ?? [])
                + [Fact(label: t("track_publish_name"), value: p.publishName ? t("yes") : t("no"))]
            : []
        hasSubmitter = showSubmitter
        attachments =
            showSubmitter
            ? p.attachments.map {
                Attachment(
                    fileName: $0.fileName, href: Site.caseAttachment(.value(code), .value($0.id)).path, size: ByteSize.format($0.size))
            }
            : []
        let internals = CaseAccess.canSeeInternals(principal, state)
        timeline = p.events.filter { internals || $0.isPublic }.map { event in
            TimelineItem(
                label: t("event_" + event.type.rawValue), at: DisplayDate.format(event.at), atISO: Timestamp.string(event.at),
                eventAgency: name(event.agencyCode),
                text: showSubmitter || event.actor != .submitter ? event.text : event.body.publicText(words),
                eventDetails: event.body.details(words), isInternal: !event.isPublic)
        }
        draft = internals ? state.draft : nil
        draftState = state.draft == nil ? nil : t(state.draftApproved ? "case_draft_approved" : "case_draft_waiting")
        let builder = CaseActionBuilder(
            catalogue: catalogue, language: language, agencies: agencies, observers: observers, values: values, errors: errors,
            returned: returned,
            draft: state.draft)
        let allowed = Workflow.allowedEvents(for: principal, on: state)
        // Masking and marking are offered beside each finding, not as actions of their own.
        actions = allowed.filter { $0 != .redacted && $0 != .markedNotPersonal }.map(builder.action)
        var warnings: [PersonalDataWarning] = []
        if allowed.contains(.redacted) {
            let unresolved = PublicationCheck.unresolved(p.publicationTexts, state: state)
            for target in Redacted.Target.allCases {
                let findings = unresolved.filter { $0.target == target }.map(\.finding)
                guard !findings.isEmpty else { continue }
                let kinds = Set(findings.map(\.kind))
                warnings.append(
                    PersonalDataWarning(
                        target: target.rawValue, label: t("redact_" + target.rawValue),
                        kinds: PersonalDataFinding.Kind.allCases.filter(kinds.contains).map { t("pii_" + $0.code) }.joined(separator: ", "),
                        findings: findings.map { .init(text: $0.text, kind: t("pii_" + $0.kind.code)) }))
            }
        }
        personalData = warnings
        hasPersonalData = !warnings.isEmpty
        hasActions = !actions.isEmpty
        actionURL = Site.caseEvents(.value(code)).path
        self.error = error
        self.preview = preview
        due = deadline.flatMap { status in
            status.shownDueDate.map { DisplayDate.format($0) + (status.daysLeftText(t).map { " (" + $0 + ")" } ?? "") }
        }
        self.clocks = clocks.map { clock in
            Clock(
                name: language == .vi ? clock.policy.nameVi : clock.policy.nameEn,
                agency: name(clock.agency) ?? name(Agency.governmentOfficeCode) ?? "",
                due: DisplayDate.format(clock.status.deadline.dueDate) + (clock.status.daysLeftText(t).map { " (" + $0 + ")" } ?? ""),
                badge: clock.status.badge, label: t("deadline_" + clock.status.badge))
        }
        hasClocks = !self.clocks.isEmpty
        deadlineBadge = deadline?.badge ?? "none"
        deadlineLabel = deadline.map { t("deadline_" + $0.badge) } ?? ""
    }
}

/// "The content holds a phone number": shown to the approver with a button that masks it.
struct PersonalDataWarning {
    struct Finding {
        let text: String
        let kind: String
    }
    let target: String
    let label: String
    let kinds: String
    /// Each finding, with a button to mark it "not personal data".
    let findings: [Finding]
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// Acting on a case: the workflow's decision and the append, in one transaction, for the web
/// forms and the API alike; every event goes to the security log too.
struct CaseService: Sendable {
    let store: Store
    let environment: AppEnvironment
    /// For the public wording of events.
    let catalogue: Catalogue
    /// Opens the root CA when an agency's first signing certificate is issued.
    let passphrase: CAPassphrase
    /// What masked personal data reads as in published text (Vietnamese: it is published as is).
    let mask: @Sendable (PersonalDataFinding.Kind) -> String
    /// Records, on each routing, what the assistant suggested (nil: nothing is suggested).
    var assist: AssistService? = nil

    /// Appends one event of `type` with the fields of `input` for `principal`, or throws the
    /// AppError that says why not (401, 403, 409, 422). The security log's line is written in
    /// the same transaction as the event.
    func act(_ type: EventType, input: EventInput, by principal: Principal, on code: TrackingCode, ip: String) async throws
        -> (PetitionEvent, CaseState)
    {
        var input = input
        if type == .merged, let into = input["into"].flatMap(TrackingCode.init) {
            guard into != code, try await store.petition(into) != nil else {
                throw AppError.validation([FieldError("into", .invalidChoice)])
            }
        }
        if type == .assigned { try await recordSuggestion(in: &input, for: code) }
        if type == .escalated, let repeated = input["repeatOf"], !repeated.isEmpty {
            try await checkRepetition(repeated, of: code, by: principal)
        }
        if type == .answerDrafted, let source = input["source"], !source.isEmpty {
            // Only a published answer may be named as the draft's source.
            guard let sourceCode = TrackingCode(source), try await store.publishedAnswer(sourceCode) != nil else {
                throw AppError.validation([FieldError("source", .invalidChoice)])
            }
        }
        if type == .observerInvited {
            let username = (input["observer"] ?? "").trimmingCharacters(in: .whitespaces)
            let observer = try await store.staffCredentials(username: username)?.0
            guard let observer, observer.role == .observer, observer.active else {
                throw AppError.validation([FieldError("observer", username.isEmpty ? .required : .invalidChoice)])
            }
            input["observerID"] = String(observer.id)
            input["observer"] = observer.username
        }
        // The texts a redaction masks: the title and content never change; the draft is read
        // inside the transaction, so that a newer draft is never replaced by an older one masked.
        var texts: PublicationTexts?
        if type == .redacted {
            guard let petition = try await store.petition(code) else { throw AppError.notFound }
            texts = petition.publicationTexts
        }
        var reference = Workflow.Reference(activeAgencies: Set(try await store.agencies().filter(\.active).map(\.code)))
        if type == .answerPublished {
            // Title, content and submitter never change: read here, checked with the draft inside the transaction.
            guard let petition = try await store.petition(code) else { throw AppError.notFound }
            reference.publication = petition.publicationTexts
        }
        let now = environment.now()
        let signer = type == .answerApproved ? try await signer(for: principal, password: input["password"], on: code, now: now) : nil
        let checked = input
        let checkedReference = reference
        let maskTexts = texts
        let mask = self.mask
        let audit = SecurityLogEntry(
            at: now, action: "event", staffID: principal.staff?.id,
            username: principal.staff?.username ?? (principal == .submitter ? "submitter" : nil), ip: ip, detail: "\(code) \(type.rawValue)"
        )
        let result: (events: [PetitionEvent], state: CaseState)
        do {
            result = try await store.append(to: code, audit: audit) { state in
                var input = checked
                if let maskTexts { input["text"] = try Self.masked(input["target"] ?? "", texts: maskTexts, state: state, mask: mask) }
                var event = try Workflow.prepare(type, input: input, by: principal, on: state, reference: checkedReference, at: now).get()
                // The draft read in this transaction is what is signed, so nothing newer goes unsigned.
                if let signer, let draft = state.draft { event.body = AnswerApproved(signed: try signer.sign(draft, code: code, at: now)) }
                return [event]
            }
        } catch let error as WorkflowError {
            throw error.appError
        } catch StoreError.notFound {
            throw AppError.notFound
        }
        return (result.events[0], result.state)
    }
}

extension CaseService {
    /// A repeated complaint named at screening must be one the assistant finds: an answered case
    /// of the same submitter on the same matter.
    fileprivate func checkRepetition(_ repeated: String, of code: TrackingCode, by principal: Principal) async throws {
        guard let assist, let staff = principal.staff, let earlier = TrackingCode(repeated),
            try await assist.similarCases(to: code, for: staff, limit: 50).contains(where: { $0.code == earlier && $0.repeatedComplaint })
        else { throw AppError.validation([FieldError("repeatOf", .invalidChoice)]) }
    }

    /// Who signs an approval: a leader who re-entered their own password, with their agency's key.
    /// Anyone else gets nil, and the workflow then says why they may not approve (403, or 422
    /// for a missing password) — before a password is checked or a certificate issued for them.
    private func signer(for principal: Principal, password: String?, on code: TrackingCode, now: Date) async throws -> AnswerSigner? {
        guard let staff = principal.staff, staff.role == .leader, let password, !password.isEmpty,
            let petition = try await store.petition(code),
            Workflow.check(.answerApproved, by: principal, on: CaseState(events: petition.events)) == nil
        else { return nil }
        guard let (account, hash) = try await store.staffCredentials(username: staff.username), account.id == staff.id,
            try await Passwords.verify(password, hash: hash)
        else { throw AppError.validation([FieldError("password", .wrongPassword)]) }
        let identity = try await store.signingIdentity(agency: staff.agencyCode, passphrase: passphrase, now: now)
        let agency = try await store.agencies().first { $0.code == staff.agencyCode }
        return AnswerSigner(
            identity: identity, agency: .init(code: staff.agencyCode, name: agency?.nameVi ?? staff.agencyCode),
            approver: .init(name: account.displayName, title: catalogue.text("role_title_leader", .vi)))
    }

    /// The target text as it stands in `state`, with every personal data finding masked.
    /// Refused when there is nothing to mask.
    static func masked(
        _ target: String, texts: PublicationTexts, state: CaseState, mask: (PersonalDataFinding.Kind) -> String
    ) throws -> String {
        let current: String? =
            switch Redacted.Target(rawValue: target) {
            case .title: state.publicTitle ?? texts.title
            case .content: state.publicContent ?? texts.content
            case .answer: state.draft
            case nil: nil
            }
        guard let current else { throw AppError.validation([FieldError("target", target.isEmpty ? .required : .invalidChoice)]) }
        let findings = PersonalDataDetector.findings(in: current, about: texts.subject)
        guard !findings.isEmpty else { throw AppError.conflict("conflict_nothingToRedact") }
        return Redaction.apply(findings, to: current, mask: mask)
    }
}

extension PetitionRecord {
    /// What the check before publication reads besides the draft.
    var publicationTexts: PublicationTexts {
        PublicationTexts(
            title: title, content: content,
            subject: PersonalDataSubject(
                name: submitter.name, address: submitter.address, phone: submitter.phone, email: submitter.email,
                nameMayBePublished: publishName))
    }
}

extension WorkflowError {
    var appError: AppError {
        switch self {
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .conflict(let reason): .conflict("conflict_" + reason.rawValue)
        case .invalid(let errors): .validation(errors)
        }
    }
}

/// Signs the draft being approved as the canonical answer document (issue 11 §2).
struct AnswerSigner: Sendable {
    let identity: SigningIdentity
    let agency: AnswerDocument.Party
    let approver: AnswerDocument.Approver

    func sign(_ draft: String, code: TrackingCode, at: Date) throws -> SignedAnswer {
        try identity.sign(
            AnswerDocument(
                trackingCode: code.description, agency: agency, answer: draft, approvedAt: Timestamp.string(at), approver: approver))
    }
}

extension CaseService {
    /// The suggestion is the server's, made now from the case's own text: whatever a form sent
    /// under these names is dropped.
    fileprivate func recordSuggestion(in input: inout EventInput, for code: TrackingCode) async throws {
        input["suggestedAgency"] = nil
        input["suggestionPercent"] = nil
        guard let assist, let petition = try await store.petition(code),
            let best = try await assist.suggestRouting(title: petition.title, content: petition.content)?.agencies.first
        else { return }
        input["suggestedAgency"] = best.code
        input["suggestionPercent"] = String(Int((best.score * 100).rounded()))
    }
}

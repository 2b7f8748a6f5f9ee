import LangNgheCore

/// The form for one action on a case: its fields, described for a template that only displays.
struct CaseAction {
    typealias Option = SelectOption

    struct Input {
        let name: String
        let label: String
        let value: String
        /// Named apart from the page's error (Mustache climbs past a nil).
        let inputError: String?
        let isTextarea: Bool
        let isSelect: Bool
        let isMultiple: Bool
        let isText: Bool
        let required: Bool
        let options: [Option]
    }

    let type: String
    let label: String
    let hint: String
    let inputs: [Input]
    /// The answer editor has a preview button.
    let canPreview: Bool
    /// Irreversible or public steps are styled as primary.
    let isPrimary: Bool
}

/// What each action asks for.
struct CaseActionBuilder {
    let catalogue: Catalogue
    let language: Language
    let agencies: [Agency]
    let observers: [(String, String)]
    /// Values and errors when a form comes back.
    let values: [String: String]
    let errors: [String: String]
    let draft: String?

    func action(_ type: EventType) -> CaseAction {
        let t = { (key: String) in catalogue.text(key, language) }
        let inputs: [CaseAction.Input]
        switch type {
        case .assigned:
            inputs = [agencySelect("leadAgency", required: true), agencySelect("coordinatingAgencies", required: false, multiple: true), textarea("note", required: false)]
        case .rejected:
            inputs = [select("reasonCode", RefusalReason.allCases.map { ($0.rawValue, t("refusal_" + $0.rawValue)) }, required: true), textarea("explanation", required: false)]
        case .returned: inputs = [textarea("reason", required: true)]
        case .acknowledged, .closed: inputs = [textarea("note", required: false)]
        case .infoRequested: inputs = [textarea("message", required: true)]
        case .progressUpdated, .noteAdded: inputs = [textarea("note", required: true)]
        case .coordinationRequested: inputs = [agencySelect("agency", required: true), textarea("question", required: true)]
        case .coordinationReplied: inputs = [textarea("reply", required: true)]
        case .answerDrafted: inputs = [textarea("content", required: true, prefill: draft)]
        case .escalated:
            inputs = [select("reason", EscalationReason.allCases.map { ($0.rawValue, t("escalation_" + $0.rawValue)) }, required: true), textarea("summary", required: true)]
        case .decided:
            inputs = [textarea("decision", required: true), select("outcome", [("implement", t("outcome_implement")), ("close", t("outcome_close"))], required: true), agencySelect("leadAgency", required: false)]
        case .merged: inputs = [text("into", required: true)]
        case .observerInvited: inputs = [select("observer", observers, required: true)]
        case .markedUseful: inputs = [textarea("result", required: true)]
        case .redacted: inputs = [select("target", ["title", "content", "answer"].map { ($0, t("redact_" + $0)) }, required: true)]
        case .answerApproved, .answerPublished, .submitted, .infoProvided, .followedUp, .rated: inputs = []
        }
        return CaseAction(
            type: type.rawValue, label: t("action_" + type.rawValue), hint: t("action_hint_" + type.rawValue), inputs: inputs,
            canPreview: type == .answerDrafted,
            isPrimary: [.assigned, .answerApproved, .answerPublished, .acknowledged].contains(type))
    }

    private func input(_ name: String, required: Bool, textarea: Bool = false, options: [CaseAction.Option]? = nil, multiple: Bool = false, prefill: String? = nil) -> CaseAction.Input {
        CaseAction.Input(
            name: name, label: catalogue.text("field_" + name, language), value: values[name] ?? prefill ?? "",
            inputError: errors[name], isTextarea: textarea, isSelect: options != nil, isMultiple: multiple,
            isText: options == nil && !textarea, required: required, options: options ?? [])
    }

    private func textarea(_ name: String, required: Bool, prefill: String? = nil) -> CaseAction.Input {
        input(name, required: required, textarea: true, prefill: prefill)
    }

    private func text(_ name: String, required: Bool) -> CaseAction.Input { input(name, required: required) }

    private func select(_ name: String, _ choices: [(String, String)], required: Bool) -> CaseAction.Input {
        let chosen = values[name] ?? ""
        let options = [CaseAction.Option(value: "", label: catalogue.text("form_choose", language), selected: chosen.isEmpty)]
            + choices.map { CaseAction.Option(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        return input(name, required: required, options: options)
    }

    private func agencySelect(_ name: String, required: Bool, multiple: Bool = false) -> CaseAction.Input {
        let chosen = Set(CaseState.codes(values[name]))
        let options = agencies.filter { $0.active && $0.code != Agency.governmentOfficeCode }.map {
            CaseAction.Option(value: $0.code, label: $0.name(language), selected: chosen.contains($0.code))
        }
        let empty = multiple ? [] : [CaseAction.Option(value: "", label: catalogue.text("form_choose", language), selected: chosen.isEmpty)]
        return input(name, required: required, options: empty + options, multiple: multiple)
    }
}

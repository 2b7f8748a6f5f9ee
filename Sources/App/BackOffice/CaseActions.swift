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
        let isPassword: Bool
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
    /// The form that came back (with its errors, or a preview): shown open.
    let isOpen: Bool
}

/// Draws each action's form from its event type's inputs (`EventBody.form`).
struct CaseActionBuilder {
    let catalogue: Catalogue
    let language: Language
    let agencies: [Agency]
    let observers: [(String, String)]
    /// Values and errors when a form comes back, for that form only (`returned`): other forms
    /// with a field of the same name stay as they were.
    let values: EventInput
    let errors: [String: String]
    let returned: EventType?
    let draft: String?

    func action(_ type: EventType) -> CaseAction {
        let t = { (key: String) in catalogue.text(key, language) }
        let body = type.body
        let own =
            type == returned
            ? self
            : CaseActionBuilder(
                catalogue: catalogue, language: language, agencies: agencies, observers: observers, values: EventInput(), errors: [:],
                returned: nil,
                draft: draft)
        return CaseAction(
            type: type.rawValue, label: t("action_" + type.rawValue), hint: t("action_hint_" + type.rawValue),
            inputs: body.form.map(own.input), canPreview: body.form.contains { $0.kind == .textarea(preview: true) },
            isPrimary: body.isPrimaryAction, isOpen: type == returned)
    }

    private func input(_ field: EventFormField) -> CaseAction.Input {
        switch field.kind {
        case .text: return input(field.name, required: field.required)
        case .password: return input(field.name, required: field.required, password: true)
        // The answer editor starts from the pending draft.
        case .textarea(let preview): return input(field.name, required: field.required, textarea: true, prefill: preview ? draft : nil)
        case .choice(let values, let prefix):
            return select(field.name, values.map { ($0, catalogue.text(prefix + $0, language)) }, required: field.required)
        case .agency(let multiple): return agencySelect(field.name, required: field.required, multiple: multiple)
        case .observer: return select(field.name, observers, required: field.required)
        }
    }

    private func input(
        _ name: String, required: Bool, textarea: Bool = false, options: [CaseAction.Option]? = nil, multiple: Bool = false,
        prefill: String? = nil, password: Bool = false
    ) -> CaseAction.Input {
        // A password never comes back filled in.
        CaseAction.Input(
            name: name, label: catalogue.text("field_" + name, language), value: password ? "" : values[name] ?? prefill ?? "",
            inputError: errors[name], isTextarea: textarea, isSelect: options != nil, isMultiple: multiple,
            isText: options == nil && !textarea && !password, isPassword: password, required: required, options: options ?? [])
    }

    private func select(_ name: String, _ choices: [(String, String)], required: Bool) -> CaseAction.Input {
        let chosen = values[name] ?? ""
        let options =
            [CaseAction.Option(value: "", label: catalogue.text("form_choose", language), selected: chosen.isEmpty)]
            + choices.map { CaseAction.Option(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        return input(name, required: required, options: options)
    }

    private func agencySelect(_ name: String, required: Bool, multiple: Bool = false) -> CaseAction.Input {
        let chosen = Set(values.list(name))
        let options = agencies.filter { $0.active && $0.code != Agency.governmentOfficeCode }.map {
            CaseAction.Option(value: $0.code, label: $0.name(language), selected: chosen.contains($0.code))
        }
        let empty = multiple ? [] : [CaseAction.Option(value: "", label: catalogue.text("form_choose", language), selected: chosen.isEmpty)]
        return input(name, required: required, options: empty + options, multiple: multiple)
    }
}

/// Reads and checks the fields of one event type (the API's `{"type", …fields}`), giving the
/// event's text and its typed data. Problems are collected, as for a petition.
struct EventFields {
    let fields: [String: String]
    let reference: Workflow.Reference
    var errors: [FieldError] = []
    private var rules = TextRules()

    init(_ fields: [String: String], reference: Workflow.Reference) {
        self.fields = fields
        self.reference = reference
    }

    static let maxText = 100_000

    mutating func read(_ type: EventType, state: CaseState, by principal: Principal) -> (String, [String: String])? {
        defer { errors += rules.errors }
        switch type {
        case .assigned:
            let lead = agency("leadAgency", required: true, excluding: [Agency.governmentOfficeCode])
            let others = CaseState.codes(fields["coordinatingAgencies"])
            for code in others where !reference.activeAgencies.contains(code) || code == lead || code == Agency.governmentOfficeCode {
                rules.errors.append(FieldError("coordinatingAgencies", .unknownAgency))
                break
            }
            var unique: [String] = []
            for code in others where !unique.contains(code) { unique.append(code) }
            return (optionalText("note"), ["leadAgency": lead ?? "", "coordinatingAgencies": unique.joined(separator: ",")])
        case .rejected:
            let reason = choice("reasonCode", RefusalReason.self)
            let explanation = rules.text(fields["explanation"], field: "explanation", required: reason == .other, max: Self.maxText, multiline: true)
            return (explanation ?? "", ["reasonCode": reason?.rawValue ?? ""])
        case .returned: return (requiredText("reason"), [:])
        case .infoRequested: return (requiredText("message"), [:])
        case .infoProvided: return (requiredText("content"), [:])
        case .progressUpdated: return (requiredText("note"), [:])
        case .coordinationRequested:
            let asked = agency("agency", required: true, excluding: [state.leadAgency ?? ""])
            return (requiredText("question"), ["agency": asked ?? ""])
        case .coordinationReplied: return (requiredText("reply"), [:])
        case .answerDrafted: return (requiredText("content"), [:])
        case .acknowledged: return (optionalText("note"), [:])
        case .answerApproved: return ("", [:])
        // The published text is the approved draft, word for word.
        case .answerPublished: return (state.draft ?? "", [:])
        case .followedUp: return (requiredText("content"), [:])
        case .rated:
            let satisfaction = fields["satisfaction"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if satisfaction.map({ !(1...5).contains($0) }) ?? true {
                rules.errors.append(FieldError("satisfaction", fields["satisfaction"] == nil ? .required : .invalidChoice))
            }
            return (optionalText("comment"), ["satisfaction": satisfaction.map(String.init) ?? ""])
        case .escalated:
            let reason = choice("reason", EscalationReason.self)
            return (requiredText("summary"), ["reason": reason?.rawValue ?? ""])
        case .decided:
            let outcome = fields["outcome"].map { $0.isEmpty ? "implement" : $0 } ?? "implement"
            if !["implement", "close"].contains(outcome) { rules.errors.append(FieldError("outcome", .invalidChoice)) }
            let lead = agency("leadAgency", required: false, excluding: [Agency.governmentOfficeCode])
            var data = ["outcome": outcome]
            if let lead { data["leadAgency"] = lead }
            return (requiredText("decision"), data)
        case .merged:
            let into = fields["into"].flatMap(TrackingCode.init)
            if into == nil { rules.errors.append(FieldError("into", fields["into"] == nil ? .required : .invalidChoice)) }
            return ("", ["into": into?.description ?? ""])
        case .closed: return (optionalText("note"), [:])
        case .noteAdded: return (requiredText("note"), [:])
        case .observerInvited:
            guard let id = fields["observerID"].flatMap(Int64.init) else {
                rules.errors.append(FieldError("observer", .required))
                return ("", [:])
            }
            return ("", ["observerID": String(id), "observer": fields["observer"] ?? ""])
        case .redacted:
            let target = (fields["target"] ?? "").trimmingCharacters(in: .whitespaces)
            guard ["title", "content", "answer"].contains(target) else {
                rules.errors.append(FieldError("target", target.isEmpty ? .required : .invalidChoice))
                return ("", [:])
            }
            return (requiredText("text"), ["target": target])
        case .markedUseful: return (requiredText("result"), [:])
        case .submitted: return nil
        }
    }

    private mutating func requiredText(_ name: String) -> String {
        rules.text(fields[name], field: name, required: true, max: Self.maxText, multiline: true) ?? ""
    }

    private mutating func optionalText(_ name: String) -> String {
        rules.text(fields[name], field: name, required: false, max: Self.maxText, multiline: true) ?? ""
    }

    private mutating func choice<T: RawRepresentable>(_ name: String, _: T.Type) -> T? where T.RawValue == String {
        let value = (fields[name] ?? "").trimmingCharacters(in: .whitespaces)
        guard let choice = T(rawValue: value) else {
            rules.errors.append(FieldError(name, value.isEmpty ? .required : .invalidChoice))
            return nil
        }
        return choice
    }

    private mutating func agency(_ name: String, required: Bool, excluding: [String]) -> String? {
        let code = (fields[name] ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty {
            if required { rules.errors.append(FieldError(name, .required)) }
            return nil
        }
        guard reference.activeAgencies.contains(code), !excluding.contains(code) else {
            rules.errors.append(FieldError(name, .unknownAgency))
            return nil
        }
        return code
    }
}

import Foundation

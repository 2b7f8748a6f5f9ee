import Foundation

/// An event's fields as a form or the API sent them: each name with its values (a JSON array
/// or a repeated form field gives several; a JSON string or number gives one).
public struct EventInput: Sendable, Hashable {
    public private(set) var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// One value per name.
    public init(_ fields: [String: String]) {
        values = fields.mapValues { [$0] }
    }

    public subscript(name: String) -> String? {
        get { values[name]?.first }
        set { values[name] = newValue.map { [$0] } }
    }

    public func list(_ name: String) -> [String] { values[name] ?? [] }
}

/// Reads one event's fields, checking each and collecting every problem, as a petition's are.
public struct EventReader {
    public let input: EventInput
    public let reference: Workflow.Reference
    private var rules = TextRules()
    private var own: [FieldError] = []

    public static let maxText = 100_000

    public init(_ input: EventInput, reference: Workflow.Reference) {
        self.input = input
        self.reference = reference
    }

    public var errors: [FieldError] { own + rules.errors }

    public mutating func fail(_ field: String, _ problem: FieldError.Problem) {
        own.append(FieldError(field, problem))
    }

    public mutating func requiredText(_ name: String) -> String {
        rules.text(input[name], field: name, required: true, max: Self.maxText, multiline: true) ?? ""
    }

    public mutating func optionalText(_ name: String) -> String {
        rules.text(input[name], field: name, required: false, max: Self.maxText, multiline: true) ?? ""
    }

    /// A short optional line: a document number, a name.
    public mutating func optionalLine(_ name: String, max: Int = 200) -> String? {
        rules.text(input[name], field: name, required: false, max: max)
    }

    public mutating func choice<T: RawRepresentable>(_ name: String, _: T.Type) -> T? where T.RawValue == String {
        let value = (input[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let choice = T(rawValue: value) else {
            fail(name, value.isEmpty ? .required : .invalidChoice)
            return nil
        }
        return choice
    }

    /// An active agency's code, not one of `excluding`.
    public mutating func agency(_ name: String, required: Bool, excluding: [String] = []) -> String? {
        let code = (input[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if code.isEmpty {
            if required { fail(name, .required) }
            return nil
        }
        guard reference.activeAgencies.contains(code), !excluding.contains(code) else {
            fail(name, .unknownAgency)
            return nil
        }
        return code
    }

    /// Several active agencies, each once, in the order given; empty values are skipped. A
    /// comma-separated text is read as a list too (`"BTC,BYT"`).
    public mutating func agencies(_ name: String, excluding: [String] = []) -> [String] {
        var codes: [String] = []
        for value in input.list(name) {
            for part in value.split(separator: ",") {
                let code = part.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !code.isEmpty, !codes.contains(code) else { continue }
                guard reference.activeAgencies.contains(code), !excluding.contains(code) else {
                    fail(name, .unknownAgency)
                    return []
                }
                codes.append(code)
            }
        }
        return codes
    }

    /// A whole number in `range`.
    public mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        let text = (input[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            fail(name, .required)
            return nil
        }
        guard text.utf8.count <= 18, let value = Int(text), range.contains(value) else {
            fail(name, .invalidChoice)
            return nil
        }
        return value
    }
}

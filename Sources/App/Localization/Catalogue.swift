import Foundation
import LangNgheCore

/// All user-facing text, one JSON file per language in `Resources/Strings/`. Keys are flat
/// (`home_title`) so that templates read them as `{{t.home_title}}`.
public struct Catalogue: Sendable {
    public let strings: [Language: [String: String]]

    public init(strings: [Language: [String: String]]) {
        self.strings = strings
    }

    /// The catalogues shipped with the app.
    public static func bundled() throws -> Catalogue {
        var strings: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let data = try AppResources.data("Strings/\(language.rawValue).json")
            strings[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogue(strings: strings)
    }

    /// The text for `key`; the Vietnamese one when a translation is missing, the key itself when
    /// both are (a test keeps the catalogues complete).
    public func text(_ key: String, _ language: Language) -> String {
        strings[language]?[key] ?? strings[.vi]?[key] ?? key
    }

    public func table(_ language: Language) -> [String: String] {
        strings[language] ?? [:]
    }

    /// Fields answered by choosing (radio buttons), whatever the form.
    static let choices: Set<String> = ["submitter.type", "category", "kind", "satisfaction"]

    /// The sentence for a field error, e.g. "Vui lòng nhập số điện thoại."
    public func message(for error: FieldError, _ language: Language) -> String {
        // A choice left empty asks to choose, not to type.
        if error.problem == .required, Self.choices.contains(error.field) { return text("error_choose", language) }
        let template = text("error_" + error.problem.code, language)
        guard let limit = error.problem.limit else { return template }
        return template.replacingOccurrences(of: "{n}", with: String(limit))
    }
}

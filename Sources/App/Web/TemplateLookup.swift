import Mustache

// Mustache finds a name in a Swift value through `Mirror` unless the value answers for itself
// (`MustacheParent`). A name not found climbs the context stack, so every page's lookups of
// `t.…`, `paths.…` and `csrfToken` reflected over each context on the way up: profiled under
// load, reflection was the tracking page's largest cost. The layout's context and the address
// tables answer directly.

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "lang": lang
        case "otherLanguage": otherLanguage
        case "otherLanguageHref": otherLanguageHref
        case "title": title
        case "csrfToken": csrfToken
        case "paths": paths
        case "office": office
        case "staff": staff
        case "body": body
        default: nil
        }
    }
}

extension Paths: MustacheParent {
    /// Constant addresses: read once.
    private static let table = Dictionary(
        uniqueKeysWithValues: Mirror(reflecting: Paths()).children.compactMap { child in
            child.label.flatMap { label in (child.value as? String).map { (label, $0) } }
        })
    func child(named name: String) -> Any? { Self.table[name] }
}

extension BackOfficeLinks: MustacheParent {
    private static let table = Dictionary(
        uniqueKeysWithValues: Mirror(reflecting: BackOfficeLinks()).children.compactMap { child in
            child.label.flatMap { label in (child.value as? String).map { (label, $0) } }
        })
    func child(named name: String) -> Any? { Self.table[name] }
}

/// A page's own context, reflected once into dictionaries before rendering: each struct is read
/// through `Mirror` once, instead of once for every name looked up in it or climbing past it
/// (a page looks up hundreds). Optionals that are nil are left out, as Mustache treats them
/// alike; arrays keep their order; values that are not structs stay as they are.
enum TemplateContext {
    static func flattened(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { flattened($0.value) }
        case .struct where !(value is MustacheParent):
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = flattened(child.value) { fields[label] = field }
            }
            return fields
        case .collection where value is [Any]:
            return (value as? [Any])?.compactMap { flattened($0) }
        default:
            return value
        }
    }
}

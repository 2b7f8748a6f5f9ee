import Foundation
import Hummingbird
import LangNgheCore

/// Chooses the reader's language: `?lang=en` (remembered in a cookie), the cookie, then
/// `Accept-Language`; Vietnamese by default.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        context.language =
            asked
            ?? request.cookies["lang"].flatMap { Language(rawValue: $0.value) }
            ?? Self.preferred(request.headers[.acceptLanguage])
        context.otherLanguageHref = Self.switching(request, to: context.language == .vi ? Language.en : Language.vi)
        var response = try await next(request, context)
        if let asked {
            response.setCookie(Cookie(name: "lang", value: asked.rawValue, maxAge: 31_536_000, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// The page at `uri` in `language`: the search, the tracking code and the filters kept.
    static func switching(_ request: Request, to language: Language) -> String {
        // The query as it came, spelling and all, without its `lang`.
        let kept = (request.uri.query ?? "").split(separator: "&").filter { !$0.isEmpty && !$0.hasPrefix("lang=") && $0 != "lang" }
        // A path such as "//elsewhere.example" would make the link leave the site.
        let path = request.uri.path
        let safe = path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") ? path : "/"
        return safe + "?" + (kept.map(String.init) + ["lang=" + language.rawValue]).joined(separator: "&")
    }

    /// The first of vi / en in the header's order of preference (q-values respected).
    static func preferred(_ header: String?) -> Language {
        guard let header else { return .vi }
        let ranked = header.split(separator: ",").compactMap { part -> (Language, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased().split(separator: "-").first,
                let language = Language(rawValue: String(tag))
            else { return nil }
            let q = pieces.dropFirst().first(where: { $0.hasPrefix("q=") }).flatMap { Double($0.dropFirst(2)) } ?? 1
            return (language, q)
        }
        return ranked.max(by: { $0.1 < $1.1 })?.0 ?? .vi
    }
}

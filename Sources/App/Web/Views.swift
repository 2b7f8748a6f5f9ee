import Foundation
import Hummingbird
import LangNgheCore
import Mustache

/// Renders pages: a typed context struct through a Mustache template in `Resources/Templates`,
/// inside the layout. Templates only display; every value they show is escaped by `{{ }}`.
public struct Views: Sendable {
    let library: MustacheLibrary
    let catalogue: Catalogue

    public static func bundled(catalogue: Catalogue) async throws -> Views {
        Views(library: try await MustacheLibrary.bundled(), catalogue: catalogue)
    }

    /// The page named `template` with `body` as its content.
    func page(
        _ template: String, title: String, body: Any, context request: some WebRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let context = request.base
        let page = PageContext(
            t: catalogue.table(context.language), lang: context.language.rawValue,
            otherLanguage: context.language == .vi ? "en" : "vi", otherLanguageHref: context.otherLanguageHref,
            title: title, csrfToken: context.csrfToken, paths: Paths(), office: BackOfficeLinks(),
            staff: context.staff.map {
                StaffBadge(
                    name: $0.displayName, role: catalogue.text("role_" + $0.role.rawValue, context.language), agency: $0.agencyCode,
                    isAdmin: $0.role == .admin, entersPaper: $0.identity.isCoordinator || $0.identity.handlesCases,
                    reports: Reporters.admits($0))
            },
            body: TemplateContext.flattened(body) ?? [String: Any]())
        guard let html = library.render(page, withTemplate: template) else {
            // A programming error (a test checks every name used): say so rather than send an
            // empty page with a 200.
            return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "missing template \(template)")))
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What every page's template can use besides its own content: the strings of the reader's
/// language (`{{t.key}}`), the CSRF token for forms, the page title.
struct PageContext {
    let t: [String: String]
    let lang: String
    let otherLanguage: String
    let otherLanguageHref: String
    let title: String
    let csrfToken: String
    let paths: Paths
    let office: BackOfficeLinks
    /// The signed-in staff member, shown in the header of back-office pages.
    let staff: StaffBadge?
    /// The page's own context, as `TemplateContext.flattened` made it.
    let body: Any
}

struct StaffBadge {
    let name: String
    let role: String
    let agency: String
    let isAdmin: Bool
    /// Only those who may enter a paper petition see the link to its form.
    let entersPaper: Bool
    /// Coordinators, admins and leaders see the link to the period reports.
    let reports: Bool
}

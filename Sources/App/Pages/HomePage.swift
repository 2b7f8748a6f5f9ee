import Hummingbird
import LangNgheCore
import LangNgheStorage

/// The home page: what the service is for, what is not (complaints and denunciations go
/// elsewhere), and the two ways in, for people and for businesses.
struct HomePage {
    struct CategoryItem {
        let name: String
        let description: String
    }
    let categories: [CategoryItem]
    let petitionCount: Int
}

struct HomeController {
    let store: Store
    let views: Views

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = context.language
        let page = HomePage(
            categories: try await store.categories().map { .init(name: $0.name(language), description: $0.description(language)) },
            petitionCount: try await store.petitionCount())
        return views.page("home", title: views.catalogue.text("home_title", language), body: page, context: context)
    }
}

import Foundation
import Hummingbird
import LangNgheStorage
import Logging

/// Wires the application: one plain function that the server and the tests both call.
public func buildApplication(
    settings: Settings, store: Store, environment: AppEnvironment = .live, logger: Logger = Logger(label: "langnghe")
) async throws -> some ApplicationProtocol {
    let catalogue = try Catalogue.bundled()
    let views = try await Views.bundled(catalogue: catalogue)
    let router = try buildRouter(settings: settings, store: store, views: views, environment: environment, logger: logger)
    let address = "http://\(settings.hostname):\(settings.port)"
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.hostname, port: settings.port), serverName: "LangNghe"),
        onServerRunning: { _ in
            logger.notice("LangNghe đang phục vụ / serving", metadata: ["address": "\(address)", "database": "\(store.dialect.rawValue)"])
            print("LangNghe: http://\(settings.hostname):\(settings.port)")
        },
        logger: logger)
}

/// The routes, as a table of contents. Middleware runs top to bottom on the way in.
func buildRouter(settings: Settings, store: Store, views: Views, environment: AppEnvironment, logger: Logger) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: ErrorMiddleware(views: views, catalogue: views.catalogue, store: store))
    router.add(middleware: FormMiddleware(csrf: CSRF(secret: settings.secret), secureCookies: settings.baseURL.hasPrefix("https://")))
    let auth = StaffAuth(store: store, environment: environment)
    router.add(middleware: StaffSessionMiddleware(auth: auth))
    router.add(middleware: FileMiddleware(AppResources.path("Public"), searchForIndexHtml: false, logger: logger))

    let intake = IntakeService(store: store, environment: environment)
    let reference = ReferenceAPIController(store: store)

    // Public pages
    let home = HomeController(store: store, views: views)
    router.get(.init(Paths.home), use: home.show)
    let form = PetitionFormController(store: store, views: views, intake: intake)
    router.get(.init(Paths.submit), use: form.show)
    router.post(.init(Paths.submit), use: form.create)
    let tracking = TrackingController(store: store, views: views)
    router.get(.init(Paths.track), use: tracking.show)
    router.post(.init(Paths.track), use: tracking.unlock)
    router.post(.init(Paths.trackAttachment), use: tracking.attachment)

    // Machine interfaces
    router.get("/healthz", use: reference.health)
    let api = router.group("/api/v1")
    PetitionsAPIController(store: store, intake: intake).addRoutes(to: api)
    reference.addRoutes(to: api)
    AuthAPIController(auth: auth).addRoutes(to: api)
    EventsAPIController(store: store, cases: CaseService(store: store, environment: environment)).addRoutes(to: api)
    return router
}

import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage
import Logging
import ServiceLifecycle

/// Wires the application: one plain function that the server and the tests both call.
public func buildApplication(
    settings: Settings, store: Store, environment: AppEnvironment = .live, logger: Logger = Logger(label: "langnghe")
) async throws -> some ApplicationProtocol {
    let catalogue = try Catalogue.bundled()
    let views = try await Views.bundled(catalogue: catalogue)
    let deadlines = DeadlineService(store: store, environment: environment)
    let router = try buildRouter(
        settings: settings, store: store, views: views, environment: environment, deadlines: deadlines, logger: logger)
    let address = "http://\(settings.hostname):\(settings.port)"
    var services: [any Service] = []
    if let interval = settings.schedulerInterval {
        let holder = ProcessInfo.processInfo.hostName + "-" + UUID().uuidString
        let job = ReminderJob(store: store, deadlines: deadlines, holder: holder)
        let retention = RetentionJob(store: store, policy: try ShippedData.retentionPolicy(), environment: environment, holder: holder)
        services.append(SchedulerService(job: job, retention: retention, interval: interval, logger: logger))
    }
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.connectionIdleSeconds)))),
        configuration: .init(address: .hostname(settings.hostname, port: settings.port), serverName: "LangNghe"),
        services: services,
        onServerRunning: { _ in
            logger.notice("LangNghe đang phục vụ / serving", metadata: ["address": "\(address)", "database": "\(store.dialect.rawValue)"])
            print("LangNghe: http://\(settings.hostname):\(settings.port)")
        },
        logger: logger)
}

/// The routes, as a table of contents. Middleware runs top to bottom on the way in.
func buildRouter(
    settings: Settings, store: Store, views: Views, environment: AppEnvironment, deadlines: DeadlineService, logger: Logger
) throws -> Router<AppRequestContext> {
    let secureCookies = settings.baseURL.hasPrefix("https://")
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(httpsOnly: secureCookies))
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: ErrorMiddleware(views: views, catalogue: views.catalogue, store: store))
    router.add(middleware: MethodMiddleware())
    // Statistics, the conduct page and search: two in progress per client address at most.
    router.add(
        middleware: ClientGate(
            perClient: 2,
            paths: [
                Paths.statistics, Paths.agencyConduct, Paths.search, "/api/v1/stats", "/api/v1/agencies/conduct", "/api/v1/search",
            ]))
    router.add(middleware: FormMiddleware(csrf: CSRF(secret: settings.secret), secureCookies: secureCookies))
    let auth = StaffAuth(store: store, environment: environment, requireSecondFactor: settings.requireSecondFactor)
    router.add(middleware: StaffSessionMiddleware(auth: auth))
    // The stylesheet and the icon: an hour in caches, then revalidated by their ETag.
    let staticCache = CacheControl([(.textCss, [.public, .maxAge(3600)]), (.imageIco, [.public, .maxAge(86_400)])])
    router.add(
        middleware: FileMiddleware(AppResources.path("Public"), cacheControl: staticCache, searchForIndexHtml: false, logger: logger))

    let referenceCache = ReferenceCache(store: store, environment: environment)
    let limits = SubmissionLimits(
        perAddressPerHour: settings.submissionsPerAddressPerHour, perSenderPerDay: settings.submissionsPerSenderPerDay,
        secret: settings.secret)
    let intake = IntakeService(store: store, environment: environment, reference: referenceCache, limits: limits)
    let cases = CaseService(store: store, environment: environment, catalogue: views.catalogue) { kind in
        views.catalogue.text("mask_" + kind.code, .vi)
    }

    let api = router.group("/api/v1")

    // Public pages
    let home = HomeController(store: store, views: views)
    router.get(.init(Paths.home), use: home.show)
    let receipts = ReceiptCookie(secret: settings.secret, secure: secureCookies, now: environment.now)
    let form = PetitionFormController(store: store, views: views, intake: intake, receipts: receipts)
    router.get(.init(Paths.submit), use: form.show)
    router.post(.init(Paths.submit), use: form.create)
    router.get(.init(Paths.receipt), use: form.receipt)
    let tracking = TrackingController(store: store, views: views, cases: cases, deadlines: deadlines)
    router.get(.init(Paths.track), use: tracking.show)
    router.post(.init(Paths.track), use: tracking.unlock)
    router.post(.init(Paths.trackAttachment), use: tracking.attachment)
    router.post(.init(Paths.trackAction), use: tracking.act)
    router.post(.init(Paths.trackPersonalData), use: tracking.personalData)

    let calendarPage = CalendarPageController(store: store, views: views, deadlines: deadlines, environment: environment)
    router.get("/lich-lam-viec", use: calendarPage.show)
    router.get("/lich-lam-viec/:year", use: calendarPage.show)

    AnswersController(store: store, views: views).addRoutes(to: router, api: api)
    SearchController(store: store, views: views).addRoutes(to: router, api: api)
    var criteria = RankingCriteria.standard
    criteria.minimumEvidence = settings.namingMinimum
    StatisticsController(
        store: store, views: views,
        statistics: StatisticsService(store: store, deadlines: deadlines, cacheSeconds: settings.figuresCacheSeconds),
        criteria: criteria
    ).addRoutes(to: router, api: api)
    OpenDataController(store: store, baseURL: settings.baseURL).addRoutes(to: router, api: api)

    // Back office
    let login = LoginController(auth: auth, views: views, secureCookies: secureCookies)
    router.get(.init(BackOfficePaths.login), use: login.show)
    router.post(.init(BackOfficePaths.login), use: login.signIn)
    router.post(.init(BackOfficePaths.logout), use: login.signOut)
    let inbox = InboxController(store: store, views: views, deadlines: deadlines)
    router.get(.init(BackOfficePaths.root), use: inbox.show)
    let casePage = CaseController(store: store, views: views, cases: cases, deadlines: deadlines)
    router.get(.init(BackOfficePaths.root + "/pakn/:code"), use: casePage.show)
    router.post(.init(BackOfficePaths.root + "/pakn/:code/su-kien"), use: casePage.act)
    router.get(.init(BackOfficePaths.root + "/pakn/:code/tep/:id"), use: casePage.attachment)
    let clerk = ClerkIntakeController(store: store, views: views, intake: intake, receipts: receipts)
    router.get(.init(BackOfficePaths.intake), use: clerk.show)
    router.post(.init(BackOfficePaths.intake), use: clerk.create)
    AdminController(store: store, views: views, environment: environment, reference: referenceCache).addRoutes(to: router)
    SecurityController(store: store, views: views, environment: environment).addRoutes(to: router)
    router.get(.init(BackOfficePaths.calendar), use: calendarPage.overrides)
    router.post(.init(BackOfficePaths.calendar), use: calendarPage.change)

    // Machine interfaces
    let reference = ReferenceAPIController(store: store)
    router.get("/healthz", use: reference.health)
    PetitionsAPIController(store: store, intake: intake, deadlines: deadlines, catalogue: views.catalogue, secret: settings.secret)
        .addRoutes(to: api)
    reference.addRoutes(to: api)
    AuthAPIController(auth: auth).addRoutes(to: api)
    EventsAPIController(store: store, cases: cases, deadlines: deadlines).addRoutes(to: api)
    CalendarAPIController(store: store, deadlines: deadlines, environment: environment).addRoutes(to: api)
    Open311KeysAPIController(store: store, environment: environment).addRoutes(to: api)
    try OpenAPIController().addRoutes(to: api)
    Open311Controller(
        store: store, intake: intake, deadlines: deadlines, catalogue: views.catalogue, environment: environment,
        baseURL: settings.baseURL, isProduction: settings.environment == .production
    ).addRoutes(to: router.group("/open311/v2"))
    return router
}

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
    // The root CA, made on the server's first run, its certificate published from the first
    // request on; afterwards a wrong CA passphrase stops the start here. Other commands open it
    // only if they sign (the seeder), so they do not pay the passphrase's stretching.
    try await store.prepareCertificateAuthority(passphrase: settings.caPassphrase, now: environment.now())
    let catalogue = try Catalogue.bundled()
    let views = try await Views.bundled(catalogue: catalogue)
    let deadlines = DeadlineService(store: store, environment: environment)
    let router = try buildRouter(
        settings: settings, store: store, views: views, environment: environment, deadlines: deadlines, logger: logger)
    let address = "http://\(settings.hostname):\(settings.port)"
    var services: [any Service] = []
    let holder = ProcessInfo.processInfo.hostName + "-" + UUID().uuidString
    if let interval = settings.notifications.interval {
        let delivery = NotificationDelivery(
            settings: settings, store: store, catalogue: catalogue, environment: environment, holder: holder, logger: logger)
        services.append(NotificationService(delivery: delivery, interval: interval, logger: logger))
    }
    if let interval = settings.schedulerInterval {
        let job = ReminderJob(store: store, deadlines: deadlines, holder: holder)
        let retention = RetentionJob(store: store, policy: try ShippedData.retentionPolicy(), environment: environment, holder: holder)
        let publication = ReportPublicationJob(
            reports: ReportService(store: store), passphrase: settings.caPassphrase, environment: environment, holder: holder)
        let training = AssistTrainingJob(store: store, environment: environment, holder: holder)
        services.append(
            SchedulerService(
                job: job, retention: retention, publication: publication, training: training, interval: interval, logger: logger))
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

/// The middleware, then every route in one table, grouped by who may use it. Middleware runs
/// top to bottom on the way in; the back-office groups admit only the accounts they name
/// (`StaffContext`), so their handlers never check who is signed in.
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
                Site.statistics.path, Site.agencyConduct.path, Site.search.path, "/api/v1/stats", "/api/v1/agencies/conduct",
                "/api/v1/search", "/api/v1/log/proof", "/api/v1/verify", Site.verify.path, "/api/v1/similar",
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
    let assist = AssistService(store: store, now: environment.now)
    var cases = CaseService(store: store, environment: environment, catalogue: views.catalogue, passphrase: settings.caPassphrase) { kind in
        views.catalogue.text("mask_" + kind.code, .vi)
    }
    cases.assist = assist
    let receipts = ReceiptCookie(secret: settings.secret, secure: secureCookies, now: environment.now)
    var criteria = RankingCriteria.standard
    criteria.minimumEvidence = settings.namingMinimum
    let statistics = StatisticsService(store: store, deadlines: deadlines, cacheSeconds: settings.figuresCacheSeconds)

    let home = HomeController(store: store, views: views)
    let form = PetitionFormController(store: store, views: views, intake: intake, receipts: receipts, assist: assist)
    let tracking = TrackingController(store: store, views: views, cases: cases, deadlines: deadlines)
    let calendar = CalendarPageController(store: store, views: views, deadlines: deadlines, environment: environment)
    let answers = AnswersController(store: store, views: views)
    let search = SearchController(store: store, views: views)
    let figures = StatisticsController(store: store, views: views, statistics: statistics, criteria: criteria)
    let openData = OpenDataController(store: store, baseURL: settings.baseURL)
    let login = LoginController(auth: auth, views: views, secureCookies: secureCookies)
    let inbox = InboxController(store: store, views: views, deadlines: deadlines)
    let casePage = CaseController(store: store, views: views, cases: cases, deadlines: deadlines, assist: assist)
    let security = SecurityController(store: store, views: views, environment: environment)
    let clerk = ClerkIntakeController(store: store, views: views, intake: intake, receipts: receipts)
    let admin = AdminController(store: store, views: views, environment: environment, reference: referenceCache)
    let signed = SignedAnswerController(store: store, views: views, baseURL: settings.baseURL)
    let notifications = NotificationsController(store: store, views: views, environment: environment)
    let certificates = CertificatesController(store: store, views: views, environment: environment, passphrase: settings.caPassphrase)
    let reportPages = ReportsController(
        store: store, views: views, reports: ReportService(store: store), environment: environment, passphrase: settings.caPassphrase,
        baseURL: settings.baseURL)

    // Everyone; the pages that are the same for every anonymous reader are kept a moment.
    let pageCache = PageCache(lifetime: .seconds(settings.pageCacheSeconds))
    let kept = router.group().add(middleware: PageCacheMiddleware(cache: pageCache))
    kept.get(.home, use: home.show)
    router.get(.submit, use: form.show)
    router.post(.submit, use: form.create)
    router.get(.receipt, use: form.receipt)
    kept.get(.track, use: tracking.show)
    router.post(.track, use: tracking.unlock)
    router.post(.trackAttachment, use: tracking.attachment)
    router.post(.trackAction, use: tracking.act)
    router.post(.trackPersonalData, use: tracking.personalData)
    kept.get(.calendarThisYear, use: calendar.show)
    kept.get(.calendar(year: .key), use: calendar.show)
    kept.get(.answers, use: answers.list)
    kept.get(.answer(.key), use: answers.show)
    router.get(.signedAnswer(.key), use: signed.printable)
    router.get(.verify, use: signed.verifyPage)
    router.post(.verify, use: signed.verifyForm)
    router.get(.rootCertificates, use: signed.roots)
    router.get(.revokedCertificates, use: signed.revoked)
    kept.get(.search, use: search.page)
    kept.get(.statistics, use: figures.dashboard)
    router.get(.chart(.key), use: figures.chart)
    kept.get(.agencyConduct, use: figures.conduct)
    kept.get(.agencyEvidence, use: figures.evidence)
    kept.get(.publishedReports, use: reportPages.publishedList)
    router.get(.publishedReport(.key), use: reportPages.published)
    router.get(.answersFeed, use: openData.feed)
    router.get(.agencyFeed(.key), use: openData.agencyFeed)
    router.get(.signIn, use: login.show)
    router.post(.signIn, use: login.signIn)
    router.post(.signOut, use: login.signOut)
    let unsubscribe = UnsubscribeController(
        store: store, views: views, link: UnsubscribeLink(secret: settings.secret), environment: environment)
    router.get(.unsubscribe(.key), use: unsubscribe.show)
    router.post(.unsubscribe(.key), use: unsubscribe.unsubscribe)

    // Every signed-in staff member; each case page then asks the workflow who may see the case.
    let staff = router.group(context: StaffRequestContext.self)
    staff.get(.inbox, use: inbox.show)
    staff.get(.staffCase(.key), use: casePage.show)
    staff.post(.caseEvents(.key), use: casePage.act)
    staff.get(.caseAttachment(.key, .key), use: casePage.attachment)
    staff.get(.secondFactor, use: security.show)
    staff.post(.secondFactor, use: security.confirm)
    staff.get(.notificationPreferences, use: notifications.preferences)
    staff.post(.notificationPreferences, use: notifications.savePreferences)

    // Those who receive petitions on paper, by phone, e-mail or fax
    let clerks = router.group(context: ClerkRequestContext.self)
    clerks.get(.paperIntake, use: clerk.show)
    clerks.post(.paperIntake, use: clerk.create)

    // Period reports: coordinators, admins and agencies' leaders; publishing: coordinators and admins
    let reporters = router.group(context: ReporterRequestContext.self)
    reporters.get(.reports, use: reportPages.show)
    reporters.get(.reportDownload, use: reportPages.download)
    let publishers = router.group(context: PublisherRequestContext.self)
    publishers.post(.reportPublish, use: reportPages.publish)

    // Admins
    let admins = router.group(context: AdminRequestContext.self)
    admins.get(.accounts, use: admin.accounts)
    admins.post(.accounts, use: admin.createAccount)
    admins.post(.account(.key), use: admin.updateAccount)
    admins.post(.confirmAdmin(.key), use: admin.confirmAdmin)
    admins.post(.resetSecondFactor(.key), use: admin.resetSecondFactor)
    admins.get(.agencies, use: admin.agencies)
    admins.post(.agency(.key), use: admin.updateAgency)
    admins.get(.fields, use: admin.fields)
    admins.post(.fields, use: admin.addField)
    admins.post(.field(.key), use: admin.updateField)
    admins.get(.securityLog, use: admin.securityLog)
    admins.get(.workingCalendar, use: calendar.overrides)
    admins.post(.workingCalendar, use: calendar.change)
    admins.get(.certificates, use: certificates.show)
    admins.post(.certificates, use: certificates.change)
    admins.post(.certificate(.key), use: certificates.revoke)
    admins.get(.notifications, use: notifications.failures)
    admins.post(.notificationRetry(.key), use: notifications.retry)

    // Machine interfaces: their contract is the OpenAPI document (`/api/v1/openapi.json`), and
    // each handler answers for itself who may call it (bearer tokens, Open311 keys).
    router.get(RouterPath(Site.health.path), use: ReferenceAPIController(store: store).health)
    let api = router.group("/api/v1")
    // What anyone may read, as anyone without a key or token reads it, kept like the pages.
    let keptAPI = api.group().add(middleware: PageCacheMiddleware(cache: pageCache))
    let apiPetitions = PetitionsAPIController(
        store: store, intake: intake, deadlines: deadlines, catalogue: views.catalogue, secret: settings.secret)
    api.post("petitions", use: apiPetitions.create)
    keptAPI.get("petitions/:code", use: apiPetitions.show)
    api.get("petitions/:code/attachments/:id", use: apiPetitions.attachment)
    api.get("petitions/:code/personal-data", use: apiPetitions.personalData)
    let apiAssist = AssistAPIController(store: store, assist: assist)
    api.get("similar", use: apiAssist.similarAnswers)
    api.get("petitions/:code/similar", use: apiAssist.similarCases)
    api.post("assist/routing", use: apiAssist.routing)
    api.get("petitions/:code/answer", use: signed.documentJSON)
    api.post("verify", use: signed.verifyJSON)
    api.get("reports", use: reportPages.listJSON)
    api.get("reports/generate", use: reportPages.generate)
    api.get("reports/:period", use: reportPages.showJSON)
    let apiEvents = EventsAPIController(store: store, cases: cases, deadlines: deadlines)
    api.post("petitions/:code/events", use: apiEvents.append)
    api.get("petitions/:code/events", use: apiEvents.list)
    api.get("inbox", use: apiEvents.inbox)
    keptAPI.get("answers", use: answers.listJSON)
    keptAPI.get("answers/:code", use: answers.showJSON)
    keptAPI.get("search", use: search.json)
    api.get("stats", use: figures.statsJSON)
    api.get("agencies/conduct", use: figures.conductJSON)
    router.get(.answersCSV, use: openData.csv)
    router.get(.answersJSON, use: openData.json)
    let reference = ReferenceAPIController(store: store)
    api.get("agencies", use: reference.agencies)
    api.get("categories", use: reference.categories)
    let apiAuth = AuthAPIController(auth: auth)
    api.post("auth/login", use: apiAuth.login)
    api.post("auth/logout", use: apiAuth.logout)
    let apiCalendar = CalendarAPIController(store: store, deadlines: deadlines, environment: environment)
    api.get("calendar/add-working-days", use: apiCalendar.addWorkingDays)
    api.get("calendar/:year", use: apiCalendar.year)
    api.get("calendar-overrides", use: apiCalendar.overrides)
    api.post("calendar-overrides", use: apiCalendar.saveOverride)
    api.delete("calendar-overrides/:date", use: apiCalendar.deleteOverride)
    let keys = Open311KeysAPIController(store: store, environment: environment)
    api.get("open311-keys", use: keys.list)
    api.post("open311-keys", use: keys.create)
    api.delete("open311-keys/:id", use: keys.revoke)
    let log = LogAPIController(store: store, environment: environment, baseURL: settings.baseURL)
    api.get("log/head", use: log.head)
    router.get(.logFeed, use: log.feed)
    api.get("log/proof/inclusion", use: log.inclusion)
    api.get("log/proof/consistency", use: log.consistency)
    api.get("openapi.json", use: try OpenAPIController().show)
    // Open311 GeoReport v2: the same routes in XML and JSON, with its own error format.
    Open311Controller(
        store: store, intake: intake, deadlines: deadlines, catalogue: views.catalogue, environment: environment,
        baseURL: settings.baseURL, isProduction: settings.environment == .production
    ).addRoutes(to: router.group("/open311/v2"))
    return router
}

extension RouterMethods {
    /// A page of `Site`, registered at its address.
    @discardableResult
    func get(_ page: Site, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        get(RouterPath(page.path), use: handler)
    }

    @discardableResult
    func post(_ page: Site, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        post(RouterPath(page.path), use: handler)
    }
}

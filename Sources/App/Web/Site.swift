import Foundation
import LangNgheCore

/// Every page's address, in one place (the approach of SwiftPackageIndex-Server's `SiteURL`):
/// the route table registers `route` and links are made from `path`, so no address is spelled
/// twice and a link to a page that does not exist does not compile. A page with a value in its
/// address takes a `Parameter`: `.key` where the route is registered, `.value(x)` in a link.
enum Site: Sendable {
    // Public pages
    case home
    case submit
    case receipt
    case track
    case trackAttachment
    case trackAction
    case trackPersonalData
    case calendarThisYear
    case calendar(year: Parameter<Int>)
    case answers
    case answer(Parameter<String>)
    /// A signed answer as a printable document, with a QR code to `verify`.
    case signedAnswer(Parameter<String>)
    /// Anyone checks a signed answer: pasted, uploaded, or by its code.
    case verify
    /// The trusted roots (LangNghe's own first) and the revocation list, at stable addresses.
    case rootCertificates
    case revokedCertificates
    case search
    case statistics
    case chart(Parameter<String>)
    case agencyConduct
    case agencyEvidence
    case answersFeed
    case answersCSV
    case answersJSON
    case agencyFeed(Parameter<String>)
    /// The tamper-evident log's signed heads, for the press and observers to archive.
    case logFeed
    /// The quarterly reports published by the Government Office, signed (issue 13 §4).
    case publishedReports
    case publishedReport(Parameter<String>)
    case stylesheet
    case health
    /// A staff mail's one-click unsubscribe (RFC 8058): the token is the key, no session.
    case unsubscribe(Parameter<String>)

    // The back office (`/can-bo` — "for officials")
    case signIn
    case signOut
    case inbox
    case staffCase(Parameter<String>)
    case caseEvents(Parameter<String>)
    case caseAttachment(Parameter<String>, Parameter<Int64>)
    /// The signed-in account's second factor: enrolment, recovery codes.
    case secondFactor
    case paperIntake
    case accounts
    case account(Parameter<Int64>)
    /// A second admin confirms that an account becomes an admin.
    case confirmAdmin(Parameter<Int64>)
    case resetSecondFactor(Parameter<Int64>)
    case agencies
    case agency(Parameter<String>)
    case fields
    case field(Parameter<String>)
    case securityLog
    case workingCalendar
    /// The root CA and the agencies' signing certificates: rotate, revoke, import.
    case certificates
    case certificate(Parameter<Int64>)
    /// Period reports: coordinators and admins for any agency, leaders for their own.
    case reports
    case reportDownload
    case reportPublish
    /// The signed-in account's notification preferences.
    case notificationPreferences
    /// Admins: notifications that failed or are unconfirmed, and sending one again.
    case notifications
    case notificationRetry(Parameter<Int64>)

    static let backOffice = "/can-bo"
    /// The one-click unsubscribe addresses, which the CSRF check leaves to their token.
    static let unsubscribePrefix = "/thong-bao/huy/"

    /// The address: a link's path with `.value`s, the route's pattern with `.key`s.
    var path: String {
        switch self {
        case .home: "/"
        case .submit: "/gui-phan-anh"
        case .receipt: "/gui-phan-anh/da-nhan"
        case .track: "/tra-cuu"
        case .trackAttachment: "/tra-cuu/tep"
        case .trackAction: "/tra-cuu/su-kien"
        case .trackPersonalData: "/tra-cuu/du-lieu-ca-nhan"
        case .calendarThisYear: "/lich-lam-viec"
        case .calendar(let year): "/lich-lam-viec/" + year.segment("year")
        case .answers: "/tra-loi"
        case .answer(let code): "/tra-loi/" + code.segment("code")
        case .signedAnswer(let code): Site.answer(code).path + "/van-ban"
        case .verify: "/xac-minh"
        case .rootCertificates: "/pki/root.pem"
        case .revokedCertificates: "/pki/revoked.json"
        case .search: "/tim-kiem"
        case .statistics: "/thong-ke"
        case .chart(let name): "/thong-ke/bieu-do/" + name.segment("chart")
        case .agencyConduct: "/danh-gia-co-quan"
        case .agencyEvidence: "/danh-gia-co-quan/bang-chung"
        case .answersFeed: "/feeds/answers.atom"
        case .answersCSV: "/api/v1/exports/answers.csv"
        case .answersJSON: "/api/v1/exports/answers.json"
        case .agencyFeed(let code): "/feeds/agencies/" + code.segment("code", suffix: ".atom")
        case .logFeed: "/feeds/log.atom"
        case .publishedReports: "/bao-cao"
        case .publishedReport(let period): "/bao-cao/" + period.segment("period")
        case .stylesheet: "/static/site.css"
        case .health: "/healthz"

        case .signIn: Self.backOffice + "/dang-nhap"
        case .signOut: Self.backOffice + "/dang-xuat"
        case .inbox: Self.backOffice
        case .staffCase(let code): Self.backOffice + "/pakn/" + code.segment("code")
        case .caseEvents(let code): Site.staffCase(code).path + "/su-kien"
        case .caseAttachment(let code, let id): Site.staffCase(code).path + "/tep/" + id.segment("id")
        case .secondFactor: Self.backOffice + "/bao-mat"
        case .paperIntake: Self.backOffice + "/tiep-nhan"
        case .accounts: Self.backOffice + "/quan-tri/tai-khoan"
        case .account(let id): Site.accounts.path + "/" + id.segment("id")
        case .confirmAdmin(let id): Site.account(id).path + "/xac-nhan-quan-tri"
        case .resetSecondFactor(let id): Site.account(id).path + "/dat-lai-xac-thuc"
        case .agencies: Self.backOffice + "/quan-tri/co-quan"
        case .agency(let code): Site.agencies.path + "/" + code.segment("code")
        case .fields: Self.backOffice + "/quan-tri/linh-vuc"
        case .field(let code): Site.fields.path + "/" + code.segment("code")
        case .securityLog: Self.backOffice + "/quan-tri/nhat-ky"
        case .workingCalendar: Self.backOffice + "/quan-tri/lich"
        case .certificates: Self.backOffice + "/quan-tri/chung-thu"
        case .certificate(let id): Site.certificates.path + "/" + id.segment("id")
        case .reports: Self.backOffice + "/bao-cao"
        case .reportDownload: Site.reports.path + "/tai-ve"
        case .reportPublish: Site.reports.path + "/cong-bo"
        case .notificationPreferences: Self.backOffice + "/thong-bao"
        case .unsubscribe(let token): Self.unsubscribePrefix + token.segment("token")
        case .notifications: Self.backOffice + "/quan-tri/thong-bao"
        case .notificationRetry(let id): Site.notifications.path + "/" + id.segment("id") + "/gui-lai"
        }
    }

    // Links with a query

    static func submit(as kind: Submitter.Kind) -> String {
        Site.submit.path + (kind == .organization ? "?loai=doanh-nghiep" : "?loai=nguoi-dan")
    }

    static func tracking(_ code: String) -> String {
        Site.track.path + "?ma=" + code
    }

    /// Every case behind one reason an agency is named for, in a period.
    static func evidence(agency: String, reason: NamingReason, period: ClosedRange<CivilDate>) -> String {
        Site.agencyEvidence.path + "?co-quan=\(agency)&ly-do=\(reason.rawValue)&tu=\(period.lowerBound.iso)&den=\(period.upperBound.iso)"
    }
}

/// A value in an address: `.key` in the route table (`:code`), `.value` in a link.
enum Parameter<Value: CustomStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)

    /// One path segment; a key with a suffix (`{code}.atom`) is captured up to the suffix.
    func segment(_ name: String, suffix: String = "") -> String {
        switch self {
        case .key: suffix.isEmpty ? ":" + name : "{" + name + "}" + suffix
        case .value(let value): (value.description.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "") + suffix
        }
    }

    private static var segmentCharacters: CharacterSet {
        CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
    }
}

/// The public pages' addresses for templates (`{{paths.submit}}`).
struct Paths: Sendable {
    let home = Site.home.path
    let submit = Site.submit.path
    let submitIndividual = Site.submit(as: .individual)
    let submitOrganization = Site.submit(as: .organization)
    let track = Site.track.path
    let trackAttachment = Site.trackAttachment.path
    let trackAction = Site.trackAction.path
    let trackPersonalData = Site.trackPersonalData.path
    let stylesheet = Site.stylesheet.path
    let answers = Site.answers.path
    let answersFeed = Site.answersFeed.path
    let answersCSV = Site.answersCSV.path
    let answersJSON = Site.answersJSON.path
    let search = Site.search.path
    let statistics = Site.statistics.path
    let agencyConduct = Site.agencyConduct.path
    let calendarThisYear = Site.calendarThisYear.path
    let verify = Site.verify.path
    let reports = Site.publishedReports.path
}

/// The back office's addresses for templates (`{{office.login}}`).
struct BackOfficeLinks: Sendable {
    let root = Site.inbox.path
    let login = Site.signIn.path
    let logout = Site.signOut.path
    let intake = Site.paperIntake.path
    let accounts = Site.accounts.path
    let agencies = Site.agencies.path
    let fields = Site.fields.path
    let securityLog = Site.securityLog.path
    let calendar = Site.workingCalendar.path
    let security = Site.secondFactor.path
    let certificates = Site.certificates.path
    let reports = Site.reports.path
    let notificationPreferences = Site.notificationPreferences.path
    let notifications = Site.notifications.path
}

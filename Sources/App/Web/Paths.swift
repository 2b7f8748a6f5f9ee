import LangNgheCore

/// Every page's address, in one place: routes are registered from these and templates link
/// through them (`{{paths.submit}}`), so no URL is spelled twice.
struct Paths: Sendable {
    static let home = "/"
    static let submit = "/gui-phan-anh"
    static let receipt = "/gui-phan-anh/da-nhan"
    static let track = "/tra-cuu"
    static let trackAttachment = "/tra-cuu/tep"
    static let trackAction = "/tra-cuu/su-kien"
    static let trackPersonalData = "/tra-cuu/du-lieu-ca-nhan"
    static let stylesheet = "/static/site.css"
    static let answers = "/tra-loi"
    static let search = "/tim-kiem"
    static let statistics = "/thong-ke"
    static let agencyConduct = "/danh-gia-co-quan"
    static let agencyEvidence = "/danh-gia-co-quan/bang-chung"

    /// The same, as instance members for templates.
    let home = Paths.home
    let submit = Paths.submit
    let submitIndividual = Paths.submit + "?loai=nguoi-dan"
    let submitOrganization = Paths.submit + "?loai=doanh-nghiep"
    let track = Paths.track
    let trackAttachment = Paths.trackAttachment
    let trackAction = Paths.trackAction
    let trackPersonalData = Paths.trackPersonalData
    let stylesheet = Paths.stylesheet
    let answers = Paths.answers
    let search = Paths.search
    let statistics = Paths.statistics
    let agencyConduct = Paths.agencyConduct

    let calendarThisYear = "/lich-lam-viec"

    static func calendar(_ year: Int) -> String { "/lich-lam-viec/\(year)" }

    /// Every case behind one reason an agency is named for, in a period.
    static func evidence(agency: String, reason: NamingReason, period: ClosedRange<CivilDate>) -> String {
        agencyEvidence + "?co-quan=\(agency)&ly-do=\(reason.rawValue)&tu=\(period.lowerBound.iso)&den=\(period.upperBound.iso)"
    }

    static func tracking(_ code: String) -> String {
        track + "?ma=" + code
    }
}

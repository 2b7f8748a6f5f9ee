import LangNgheStorage

/// The back office's addresses (`/can-bo` — "for officials"), in one place.
enum BackOfficePaths {
    static let root = "/can-bo"
    static let login = root + "/dang-nhap"
    static let logout = root + "/dang-xuat"
    static let intake = root + "/tiep-nhan"
    static let accounts = root + "/quan-tri/tai-khoan"
    static let agencies = root + "/quan-tri/co-quan"
    static let fields = root + "/quan-tri/linh-vuc"
    static let securityLog = root + "/quan-tri/nhat-ky"
    static let calendar = root + "/quan-tri/lich"
    /// The signed-in account's second factor: enrolment, recovery codes.
    static let security = root + "/bao-mat"
    static let resetSecondFactorSlug = "dat-lai-xac-thuc"
    /// After an account's address: a second admin confirms that it becomes an admin.
    static let confirmAdminSlug = "xac-nhan-quan-tri"

    static func petition(_ code: String) -> String { root + "/pakn/" + code }
    static func events(_ code: String) -> String { petition(code) + "/su-kien" }
    static func attachment(_ code: String, _ id: Int64) -> String { petition(code) + "/tep/\(id)" }
}

/// The same, for templates (`{{office.login}}`).
struct BackOfficeLinks: Sendable {
    let root = BackOfficePaths.root
    let login = BackOfficePaths.login
    let logout = BackOfficePaths.logout
    let intake = BackOfficePaths.intake
    let accounts = BackOfficePaths.accounts
    let agencies = BackOfficePaths.agencies
    let fields = BackOfficePaths.fields
    let securityLog = BackOfficePaths.securityLog
    let calendar = BackOfficePaths.calendar
    let security = BackOfficePaths.security
}

extension AppRequestContext {
    /// The signed-in staff member, or the sign-in form.
    func requireStaff() throws -> StaffAccount {
        guard let staff else { throw AppError.signInRequired }
        return staff
    }

    /// The signed-in admin; anyone else is refused.
    @discardableResult
    func requireAdmin() throws -> StaffAccount {
        let staff = try requireStaff()
        guard staff.role == .admin else { throw AppError.forbidden }
        return staff
    }
}

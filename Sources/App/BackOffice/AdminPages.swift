/// The admin pages' contexts: typed data that the templates only display.
typealias AdminOption = SelectOption

struct AdminAccountsPage {
    struct Account {
        let id: Int64
        let username: String
        let displayName: String
        let active: Bool
        /// One's own account is shown, not edited: another admin changes it.
        let isYou: Bool
        /// A pending request to make this account an admin, by whom; and the confirm form's
        /// address for any other admin.
        let adminRequestedBy: String?
        let confirmAdminAction: String?
        let roles: [AdminOption]
        let agencies: [AdminOption]
        let action: String
        let resetSecondFactorAction: String
    }
    let accounts: [Account]
    let roles: [AdminOption]
    let agencies: [AdminOption]
    let username: String
    let displayName: String
    /// The work e-mail the account's notifications go to from the start (optional).
    let email: String
    let emailError: String?
    let usernameError: String?
    let passwordError: String?
    let roleError: String?
    let agencyError: String?
}

struct AdminAgenciesPage {
    struct Row {
        let code: String
        let nameVi: String
        let nameEn: String
        let kind: String
        let active: Bool
        let action: String
        let targets: [AdminOption]
    }
    let agencies: [Row]
}

struct AdminFieldsPage {
    struct Row {
        let code: String
        let nameVi: String
        let nameEn: String
        let active: Bool
        let categories: String
        let action: String
    }
    let fields: [Row]
    let categories: [AdminOption]
}

struct AdminLogPage {
    struct Entry {
        let at: String
        let action: String
        let username: String
        let ip: String
        let detail: String
    }
    let entries: [Entry]
    let action: String
}

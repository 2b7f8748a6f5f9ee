import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo/quan-tri`: accounts, agencies, fields and the security log, for admins only.
struct AdminController {
    let store: Store
    let views: Views
    let environment: AppEnvironment
    /// Emptied whenever agencies or fields change, so intake checks against the new ones.
    let reference: ReferenceCache

    // MARK: Accounts

    @Sendable func accounts(_ request: Request, context: AdminRequestContext) async throws -> Response {
        return try await accountsPage(context: context)
    }

    @Sendable func createAccount(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let admin = context.staff
        let form = context.form ?? FormData()
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let role = StaffRole(rawValue: form["role"] ?? "")
        let agency = form["agency"] ?? ""
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if email.count > 254 || (!email.isEmpty && !PetitionDraft.isEmail(email)) { errors["email"] = text("error_invalidEmail", context) }
        if Passwords.usernameProblem(username) != nil { errors["username"] = text("admin_username_rule", context) }
        if Passwords.problem(password) != nil { errors["password"] = text("admin_password_rule", context) }
        if role == nil { errors["role"] = text("error_invalidChoice", context) }
        if let role, !role.isAllowed(atAgency: agency) { errors["role"] = text("admin_coordinator_vpcp", context) }
        if errors.isEmpty, let role {
            do {
                let displayName = (form["displayName"] ?? "").trimmingCharacters(in: .whitespaces)
                // An admin is made by two admins: the account starts as an observer until another confirms.
                let account = try await store.createStaff(
                    username: username, displayName: displayName.isEmpty ? username : displayName, agencyCode: agency,
                    role: role == .admin ? .observer : role, passwordHash: try await Passwords.hash(password))
                try await store.logAdminChange(
                    "accountCreated", by: context, at: environment.now(), "\(account.username) \(account.role.rawValue) \(agency)")
                if role == .admin { try await requestAdmin(account, by: admin, context) }
                // Told of new cases, requests and deadlines from the first day, by e-mail; the
                // account changes it on its notifications page.
                if !email.isEmpty {
                    try await store.setNotificationPreferences(
                        staffID: account.id,
                        NotificationPreferences(email: email, phone: "", channels: [.email], digest: false, language: .vi))
                }
                return .redirect(to: Site.accounts.path, type: .normal)
            } catch StoreError.alreadyExists {
                errors["username"] = text("admin_username_taken", context)
            } catch StoreError.notFound {
                errors["agency"] = text("error_unknownAgency", context)
            }
        }
        return try await accountsPage(context: context, form: form, errors: errors, status: .unprocessableContent)
    }

    /// Re-role, move or disable an account. Any change ends its sessions and tokens at once.
    @Sendable func updateAccount(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let admin = context.staff
        let form = context.form ?? FormData()
        guard let id = context.parameters.get("id", as: Int64.self), let account = try await store.staff(id: id) else {
            throw AppError.notFound
        }
        // Nobody changes their own role, agency or access: another admin does.
        guard id != admin.id else { throw AppError.conflict("admin_not_yourself") }
        guard let requested = StaffRole(rawValue: form["role"] ?? account.role.rawValue) else {
            throw AppError.validation([FieldError("role", .invalidChoice)])
        }
        let agency = form["agency"] ?? account.agencyCode
        if !requested.isAllowed(atAgency: agency) { throw AppError.validation([FieldError("role", .invalidChoice)]) }
        let active = form["active"] == "on"
        // Becoming an admin waits for a second admin; the rest of the change applies now.
        let role = requested == .admin && account.role != .admin ? account.role : requested
        do {
            try await store.updateStaff(id: id, role: role, agencyCode: agency, active: active)
        } catch StoreError.notFound {
            throw AppError.validation([FieldError("agency", .unknownAgency)])
        }
        try await store.logAdminChange(
            "accountUpdated", by: context, at: environment.now(), "\(account.username) \(role.rawValue) \(agency) active=\(active)")
        if role != requested { try await requestAdmin(account, by: admin, context) }
        return .redirect(to: Site.accounts.path, type: .normal)
    }

    /// A second admin confirms another's request to make an account an admin.
    @Sendable func confirmAdmin(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let admin = context.staff
        guard let id = context.parameters.get("id", as: Int64.self), let account = try await store.staff(id: id) else {
            throw AppError.notFound
        }
        guard try await store.confirmAdminGrant(for: id, by: admin.id) else { throw AppError.conflict("admin_grant_needs_other") }
        try await store.logAdminChange("adminConfirmed", by: context, at: environment.now(), account.username)
        return .redirect(to: Site.accounts.path, type: .normal)
    }

    /// An account's second factor removed (a lost phone): its sessions end, it enrols again at
    /// its next sign-in, and the reset is in the security log. Never one's own.
    @Sendable func resetSecondFactor(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let admin = context.staff
        guard let id = context.parameters.get("id", as: Int64.self), let account = try await store.staff(id: id) else {
            throw AppError.notFound
        }
        guard account.id != admin.id else { throw AppError.conflict("admin_not_yourself") }
        try await store.resetSecondFactor(
            staffID: account.id,
            audit: SecurityLogEntry(
                at: environment.now(), action: "secondFactorReset", staffID: admin.id, username: admin.username, ip: context.ip,
                detail: account.username))
        return .redirect(to: Site.accounts.path, type: .normal)
    }

    private func requestAdmin(_ account: StaffAccount, by admin: StaffAccount, _ context: AdminRequestContext) async throws {
        try await store.requestAdminGrant(for: account.id, by: admin.id, at: environment.now())
        try await store.logAdminChange("adminRequested", by: context, at: environment.now(), account.username)
    }

    private func accountsPage(
        context: AdminRequestContext, form: FormData = FormData(), errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let agencies = try await store.agencies()
        let staff = try await store.allStaff()
        let usernames = Dictionary(staff.map { ($0.id, $0.username) }, uniquingKeysWith: { a, _ in a })
        let grants = try await store.pendingAdminGrants()
        let me = context.staff
        let model = AdminAccountsPage(
            accounts: staff.map { account in
                let requester = grants[account.id]
                return AdminAccountsPage.Account(
                    id: account.id, username: account.username, displayName: account.displayName, active: account.active,
                    isYou: account.id == me.id,
                    adminRequestedBy: requester.map { usernames[$0] ?? String($0) },
                    confirmAdminAction: requester.flatMap {
                        $0 != me.id ? Site.confirmAdmin(.value(account.id)).path : nil
                    },
                    roles: StaffRole.allCases.map {
                        .init(value: $0.rawValue, label: text("role_" + $0.rawValue, context), selected: $0 == account.role)
                    },
                    agencies: agencies.map {
                        .init(value: $0.code, label: $0.code + " — " + $0.name(language), selected: $0.code == account.agencyCode)
                    },
                    action: Site.account(.value(account.id)).path,
                    resetSecondFactorAction: Site.resetSecondFactor(.value(account.id)).path)
            },
            roles: StaffRole.allCases.map {
                .init(value: $0.rawValue, label: text("role_" + $0.rawValue, context), selected: $0.rawValue == form["role"])
            },
            agencies: agencies.filter(\.active).map {
                .init(value: $0.code, label: $0.code + " — " + $0.name(language), selected: $0.code == form["agency"])
            },
            username: form["username"] ?? "", displayName: form["displayName"] ?? "", email: form["email"] ?? "",
            emailError: errors["email"], usernameError: errors["username"], passwordError: errors["password"], roleError: errors["role"],
            agencyError: errors["agency"])
        return views.page("admin-accounts", title: text("admin_accounts", context), body: model, context: context, status: status)
    }

    // MARK: Agencies

    @Sendable func agencies(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let all = try await store.agencies()
        let model = AdminAgenciesPage(
            agencies: all.map { agency in
                AdminAgenciesPage.Row(
                    code: agency.code, nameVi: agency.nameVi, nameEn: agency.nameEn,
                    kind: text("agency_kind_" + agency.kind.rawValue, context),
                    active: agency.active, action: Site.agency(.value(agency.code)).path,
                    targets: all.filter { $0.active && $0.code != agency.code }.map {
                        .init(value: $0.code, label: $0.code + " — " + $0.nameVi, selected: false)
                    })
            })
        return views.page("admin-agencies", title: text("admin_agencies", context), body: model, context: context)
    }

    /// `operation`: rename, activate, deactivate or merge.
    @Sendable func updateAgency(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        guard let code = context.parameters.get("code") else { throw AppError.notFound }
        do {
            switch form["operation"] {
            case "rename":
                let vi = VietnameseText.normalized(form["nameVi"] ?? "").trimmingCharacters(in: .whitespaces)
                let en = (form["nameEn"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !vi.isEmpty, !en.isEmpty else { throw AppError.validation([FieldError(vi.isEmpty ? "nameVi" : "nameEn", .required)]) }
                try await store.renameAgency(code, nameVi: vi, nameEn: en)
            case "activate": try await store.setAgencyActive(code, active: true)
            case "deactivate": try await store.setAgencyActive(code, active: false)
            case "merge":
                guard let into = form["into"], !into.isEmpty else { throw AppError.validation([FieldError("into", .required)]) }
                try await store.mergeAgency(code, into: into, at: environment.now())
            default: throw AppError.validation([FieldError("operation", .invalidChoice)])
            }
        } catch StoreError.notFound {
            throw AppError.validation([FieldError("into", .unknownAgency)])
        }
        reference.invalidate()
        try await store.logAdminChange(
            "agencyChanged", by: context, at: environment.now(), "\(code) \(form["operation"] ?? "") \(form["into"] ?? "")")
        return .redirect(to: Site.agencies.path, type: .normal)
    }

    // MARK: Fields

    @Sendable func fields(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let model = AdminFieldsPage(
            fields: try await store.fields().map { field in
                AdminFieldsPage.Row(
                    code: field.code, nameVi: field.nameVi, nameEn: field.nameEn, active: field.active,
                    categories: field.categories.map { text("category_" + $0.rawValue, context) }.joined(separator: ", "),
                    action: Site.field(.value(field.code)).path)
            },
            categories: PetitionCategory.allCases.map {
                .init(value: $0.rawValue, label: text("category_" + $0.rawValue, context), selected: true)
            })
        return views.page("admin-fields", title: text("admin_fields", context), body: model, context: context)
    }

    @Sendable func addField(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        let code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let vi = VietnameseText.normalized(form["nameVi"] ?? "").trimmingCharacters(in: .whitespaces)
        let en = (form["nameEn"] ?? "").trimmingCharacters(in: .whitespaces)
        let categories = (form.fields["categories"] ?? []).compactMap(PetitionCategory.init(rawValue:))
        var errors: [FieldError] = []
        if code.isEmpty || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            errors.append(FieldError("code", .invalidChoice))
        }
        if vi.isEmpty { errors.append(FieldError("nameVi", .required)) }
        if en.isEmpty { errors.append(FieldError("nameEn", .required)) }
        if categories.isEmpty { errors.append(FieldError("categories", .required)) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        do {
            try await store.addField(Field(code: code, nameVi: vi, nameEn: en, categories: categories))
        } catch StoreError.alreadyExists {
            throw AppError.validation([FieldError("code", .invalidChoice)])
        }
        reference.invalidate()
        try await store.logAdminChange("fieldAdded", by: context, at: environment.now(), code)
        return .redirect(to: Site.fields.path, type: .normal)
    }

    @Sendable func updateField(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        guard let code = context.parameters.get("code") else { throw AppError.notFound }
        let vi = VietnameseText.normalized(form["nameVi"] ?? "").trimmingCharacters(in: .whitespaces)
        let en = (form["nameEn"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !vi.isEmpty, !en.isEmpty else { throw AppError.validation([FieldError(vi.isEmpty ? "nameVi" : "nameEn", .required)]) }
        do { try await store.updateField(code, nameVi: vi, nameEn: en, active: form["active"] == "on") } catch StoreError.notFound {
            throw AppError.notFound
        }
        reference.invalidate()
        try await store.logAdminChange("fieldChanged", by: context, at: environment.now(), code)
        return .redirect(to: Site.fields.path, type: .normal)
    }

    // MARK: Security log

    @Sendable func securityLog(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let action = request.uri.queryParameters.get("loai").flatMap { $0.isEmpty ? nil : $0 }
        let entries = try await store.securityLog(limit: 500, action: action)
        let model = AdminLogPage(
            entries: entries.map {
                AdminLogPage.Entry(
                    at: DisplayDate.format($0.at), action: $0.action, username: $0.username ?? "—", ip: $0.ip, detail: $0.detail)
            }, action: action ?? "")
        return views.page("admin-log", title: text("admin_log", context), body: model, context: context)
    }

    // MARK: Helpers

    private func text(_ key: String, _ context: AdminRequestContext) -> String { views.catalogue.text(key, context.language) }
}

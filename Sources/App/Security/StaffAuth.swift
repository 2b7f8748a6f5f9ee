import Foundation
import LangNgheCore
import LangNgheStorage

/// Signing staff in and out. Sessions (web, by cookie) and bearer tokens (API) are random
/// 256-bit secrets of which the database keeps only a hash, so several server instances share
/// them and a stolen table opens nothing.
struct StaffAuth: Sendable {
    let store: Store
    let environment: AppEnvironment
    /// Whether leaders, coordinators and admins must have a second factor (the settings; on in
    /// production).
    var requireSecondFactor = false

    static let cookieName = "sid"
    /// A web session or an API token ends after 30 minutes without a request, and 12 hours
    /// after sign-in whatever.
    static let idleLimit: TimeInterval = 30 * 60
    static let absoluteLimit: TimeInterval = 12 * 3600
    /// Failed sign-ins allowed in `throttleWindow`, per account and per address.
    static let maxFailuresPerAccount = 5
    static let maxFailuresPerAddress = 20
    static let throttleWindow: TimeInterval = 15 * 60
    /// Compared against when the username does not exist, so that a wrong username takes as
    /// long as a wrong password.
    static let dummyHash = Passwords.hashNow("langnghe-no-such-account")

    struct SignedIn {
        let token: String
        let account: StaffAccount
        let expiresAt: Date
        /// A web session that opens the second factor's enrolment and nothing else.
        let enrolOnly: Bool
    }

    func signIn(username: String, password: String, code: String? = nil, ip: String, kind: SessionRecord.Kind) async throws -> SignedIn {
        let now = environment.now()
        // The attempt is counted before the password is checked: see `Store.beginSignIn`.
        let limits = Store.SignInLimits(
            perAccount: Self.maxFailuresPerAccount, perAddress: Self.maxFailuresPerAddress,
            since: now.addingTimeInterval(-Self.throttleWindow))
        guard let attempt = try await store.beginSignIn(username: username, ip: ip, at: now, limits: limits) else {
            throw AppError.tooManyAttempts
        }
        let credentials = try await store.staffCredentials(username: username)
        let matches = try await Passwords.verify(password, hash: credentials?.1 ?? Self.dummyHash)
        guard let (account, _) = credentials, matches, account.active else {
            try await store.finishSignIn(attempt: attempt, action: "loginFailed", staffID: credentials?.0.id)
            throw AppError.loginFailed
        }
        var enrolOnly = false
        if let factor = try await store.secondFactor(staffID: account.id), factor.enabled {
            guard let code, !code.isEmpty else {
                // The password was right: not a failure, but nothing opens without the code.
                try await store.finishSignIn(attempt: attempt, action: "loginNeedsCode", staffID: account.id)
                throw AppError.secondFactorRequired
            }
            guard try await accepts(code, factor: factor, staffID: account.id, now: now) else {
                try await store.finishSignIn(attempt: attempt, action: "loginFailed", staffID: account.id, detail: "secondFactor")
                throw AppError.loginFailed
            }
        } else if requireSecondFactor, SecondFactor.requiredRoles.contains(account.role) {
            guard kind == .web else {
                try await store.finishSignIn(attempt: attempt, action: "loginNeedsEnrolment", staffID: account.id)
                throw AppError.enrolmentRequired
            }
            enrolOnly = true
        }
        let token = RandomToken.make(bytes: 32)
        let expiresAt = now.addingTimeInterval(Self.absoluteLimit)
        try await store.createSession(
            hash: Self.hash(token), staffID: account.id, kind: kind, ip: ip, now: now, expiresAt: expiresAt, enrolOnly: enrolOnly)
        try await store.finishSignIn(
            attempt: attempt, action: "login", staffID: account.id, detail: kind.rawValue + (enrolOnly ? " enrolOnly" : ""))
        return SignedIn(token: token, account: account, expiresAt: expiresAt, enrolOnly: enrolOnly)
    }

    /// A six-digit code of the current time step (once only), or an unused recovery code.
    private func accepts(_ code: String, factor: SecondFactorRecord, staffID: Int64, now: Date) async throws -> Bool {
        if SecondFactor.isRecoveryCode(code) {
            let used = try await store.useRecoveryCode(staffID: staffID, hash: SecondFactor.recoveryHash(code), at: now)
            if used { try await store.log(SecurityLogEntry(at: now, action: "recoveryCodeUsed", staffID: staffID, ip: "")) }
            return used
        }
        guard let step = SecondFactor.step(of: code, secret: factor.secret, now: now) else { return false }
        return try await store.useTOTPStep(staffID: staffID, step: step)
    }

    /// The account behind a live session or token of this kind, or nil.
    func account(for token: String, kind: SessionRecord.Kind) async throws -> StaffAccount? {
        try await session(for: token, kind: kind)?.account
    }

    func session(for token: String, kind: SessionRecord.Kind) async throws -> SessionRecord? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        let session = try await store.session(hash: Self.hash(token), now: environment.now(), idleLimit: Self.idleLimit)
        guard let session, session.kind == kind else { return nil }
        return session
    }

    func signOut(token: String, account: StaffAccount?, ip: String) async throws {
        try await store.deleteSession(hash: Self.hash(token))
        try await store.log(
            SecurityLogEntry(at: environment.now(), action: "logout", staffID: account?.id, username: account?.username, ip: ip))
    }

    static func hash(_ token: String) -> String {
        Hashing.sha256Hex(token)
    }
}

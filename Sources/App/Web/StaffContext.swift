import Hummingbird
import LangNgheStorage

/// Who may use a group of back-office routes. The route table puts each page in the group of the
/// people who may use it, so a handler never checks who is signed in: it could not run otherwise.
protocol StaffGate: Sendable {
    static func admits(_ staff: StaffAccount) -> Bool
}

/// Every signed-in staff member.
enum AnyStaff: StaffGate {
    static func admits(_ staff: StaffAccount) -> Bool { true }
}

/// Coordinators, officers and leaders receive petitions on paper; observers and admins do not.
enum Clerks: StaffGate {
    static func admits(_ staff: StaffAccount) -> Bool {
        staff.identity.isCoordinator || staff.identity.handlesCases
    }
}

/// Period reports: coordinators and admins (any agency), and agencies' leaders (their own).
enum Reporters: StaffGate {
    static func admits(_ staff: StaffAccount) -> Bool {
        staff.identity.isCoordinator || staff.role == .admin || staff.role == .leader
    }
}

/// Publishing a report on the portal: coordinators and admins.
enum Publishers: StaffGate {
    static func admits(_ staff: StaffAccount) -> Bool {
        staff.identity.isCoordinator || staff.role == .admin
    }
}

/// Admins: accounts, agencies, fields, the security log and the working calendar.
enum Admins: StaffGate {
    static func admits(_ staff: StaffAccount) -> Bool { staff.role == .admin }
}

/// A request in a group of back-office routes: made from the `AppRequestContext` that the
/// middleware filled in, it exists only for a signed-in account that the group admits. Without an
/// account the visitor is sent to sign in; with one that the group does not admit, refused.
/// Everything else the middleware found (language, CSRF token, form) is read through `base`, or
/// directly as `context.language`.
@dynamicMemberLookup
struct StaffContext<Gate: StaffGate>: ChildRequestContext {
    typealias ParentContext = AppRequestContext

    var coreContext: CoreRequestContextStorage
    /// The request as the middleware left it, for what takes an `AppRequestContext`.
    let base: AppRequestContext
    /// The signed-in account, admitted by `Gate`.
    let staff: StaffAccount

    init(context: AppRequestContext) throws {
        guard let staff = context.staff else { throw AppError.signInRequired }
        guard Gate.admits(staff) else { throw AppError.forbidden }
        coreContext = context.coreContext
        base = context
        self.staff = staff
    }

    subscript<Value>(dynamicMember path: KeyPath<AppRequestContext, Value>) -> Value {
        base[keyPath: path]
    }

    var maxUploadSize: Int { base.maxUploadSize }
}

/// What pages and forms are rendered from: the context the middleware filled in, whichever group
/// the route is in.
protocol WebRequestContext {
    var base: AppRequestContext { get }
}

extension AppRequestContext: WebRequestContext {
    var base: AppRequestContext { self }
}

extension StaffContext: WebRequestContext {}

typealias StaffRequestContext = StaffContext<AnyStaff>
typealias ClerkRequestContext = StaffContext<Clerks>
typealias AdminRequestContext = StaffContext<Admins>
typealias ReporterRequestContext = StaffContext<Reporters>
typealias PublisherRequestContext = StaffContext<Publishers>

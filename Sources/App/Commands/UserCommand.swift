import ArgumentParser
import Foundation
import LangNgheCore
import LangNgheStorage

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Tài khoản cán bộ / staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Tạo tài khoản cán bộ / create a staff account.")

        @Option(help: "Tên đăng nhập / username (letters, digits, . _ -).")
        var username: String

        @Option(help: "Vai trò / role: coordinator, officer, leader, admin, observer.")
        var role: String

        @Option(help: "Mã cơ quan / agency code, e.g. VPCP.")
        var agency: String

        @Option(help: "Tên hiển thị / display name (default: the username).")
        var displayName: String?

        @Flag(help: "Đọc mật khẩu từ đầu vào chuẩn / read the password from standard input.")
        var passwordStdin = false

        func validate() throws {
            guard let staffRole = StaffRole(rawValue: role) else {
                throw ValidationError("--role: '\(role)' is not one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard staffRole.isAllowed(atAgency: agency) else {
                throw ValidationError("--role: coordinators belong to the Government Office (--agency VPCP)")
            }
            guard let problem = Passwords.usernameProblem(username) else { return }
            throw ValidationError("--username: \(problem)")
        }

        func run() async throws {
            guard passwordStdin else { throw ValidationError("--password-stdin is required: the password is never taken as an argument") }
            let password = (readLine(strippingNewline: true) ?? "")
            if let problem = Passwords.problem(password) { throw ValidationError("password: \(problem)") }
            guard let role = StaffRole(rawValue: role) else { return }
            let settings = try StartUp.settings()
            let hash = try await Passwords.hash(password)
            try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                do {
                    let account = try await store.createStaff(
                        username: username, displayName: displayName ?? username, agencyCode: agency, role: role, passwordHash: hash)
                    print("OK: \(account.username) (\(account.role.rawValue), \(account.agencyCode))")
                } catch StoreError.alreadyExists {
                    throw ValidationError("--username: '\(username)' already exists")
                } catch StoreError.notFound {
                    throw ValidationError("--agency: no agency with code '\(agency)'")
                }
            }
        }
    }
}

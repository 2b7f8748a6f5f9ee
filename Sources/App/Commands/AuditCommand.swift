import ArgumentParser
import Foundation
import LangNgheStorage

/// `langnghe audit verify`: recomputes every event's leaf from the database and checks it
/// against the tamper-evident log and its signed heads. Exits non-zero naming every case whose
/// events were edited, deleted, inserted or reordered behind the application's back.
/// `langnghe audit head`: signs a head of the log as it is now and prints it.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Kiểm tra nhật ký chống sửa đổi / the tamper-evident log.", subcommands: [Verify.self, Head.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Đối chiếu mọi sự kiện với nhật ký / check every event against the log; non-zero exit on any change.")

        func run() async throws {
            let settings = try StartUp.settings()
            let logger = StartUp.logger()
            let intact = try await StartUp.withPreparedStore(settings, logger: logger) { store in
                let started = Date()
                let audit = try await store.auditLog()
                let root = audit.root.map { String(format: "%02x", $0) }.joined()
                print(
                    "Log: \(audit.size) events, \(audit.heads) signed heads, root \(root), checked in \(String(format: "%.1f", Date().timeIntervalSince(started))) s."
                )
                for problem in audit.logProblems { print("LOG: \(problem)") }
                for code in audit.caseProblems.keys.sorted() {
                    print("\(code): " + (audit.caseProblems[code] ?? []).joined(separator: "; "))
                }
                print(audit.isIntact ? "Intact." : "CHANGED: \(audit.caseProblems.count) case(s) named above.")
                return audit.isIntact
            }
            if !intact { throw ExitCode(2) }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head", abstract: "Ký và in đầu cây hiện tại / sign and print the log's head as it is now.")

        func run() async throws {
            let settings = try StartUp.settings()
            let logger = StartUp.logger()
            try await StartUp.withPreparedStore(settings, logger: logger) { store in
                let head = try await store.treeHead(now: Date(), maxAge: 0)
                print("size \(head.size)\nroot \(head.root.hex)\ntime \(head.timestamp)\nkey \(head.keyID)")
                print("signature \(Data(head.signature).base64EncodedString())")
            }
        }
    }
}

import ArgumentParser
import Foundation
import LangNgheStorage

/// `langnghe audit verify`: recomputes every event's leaf from the database and checks it
/// against the tamper-evident log and its signed heads. Exits non-zero naming every case whose
/// events were edited, deleted, inserted or reordered behind the application's back.
/// `langnghe audit head`: signs a head of the log as it is now and prints it.
/// `langnghe audit check-proof`: checks a proof from `/api/v1/log/proof/…` offline.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Kiểm tra nhật ký chống sửa đổi / the tamper-evident log.",
        subcommands: [Verify.self, Head.self, CheckProof.self])

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
                print(
                    "Log: \(audit.size) events, \(audit.heads) signed heads, root \(audit.root.hex), checked in \(String(format: "%.1f", Date().timeIntervalSince(started))) s."
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

    /// Needs no database: the proof, and the head and key the reader kept.
    struct CheckProof: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-proof",
            abstract: "Kiểm tra bằng chứng của nhật ký, không cần mạng / check a log proof offline; non-zero exit if it fails.")

        @Argument(help: "A proof from /api/v1/log/proof/inclusion or …/consistency (JSON).")
        var file: String
        @Option(help: "A head from /api/v1/log/head (JSON) that the proof must lead to.")
        var head: String?
        @Option(help: "The log's public key (PEM), kept from a trusted source; otherwise the head's own is used.")
        var key: String?

        func run() throws {
            let data = try CommandFile.read(file, "FILE")
            let decoder = JSONDecoder()
            var size: Int
            var root: String
            if let proof = try? decoder.decode(InclusionProof.self, from: data) {
                guard proof.verify() else { throw failure("the inclusion proof of \(proof.event) does not lead to its root") }
                print("\(proof.event) is leaf \(proof.index) of the tree of \(proof.size) with root \(proof.rootHash).")
                (size, root) = (proof.size, proof.rootHash)
            } else if let proof = try? decoder.decode(ConsistencyProof.self, from: data) {
                guard proof.verify() else { throw failure("the tree of \(proof.to) does not extend the tree of \(proof.from)") }
                print("The tree of \(proof.to) (root \(proof.toRootHash)) extends the tree of \(proof.from) (root \(proof.fromRootHash)).")
                (size, root) = (proof.to, proof.toRootHash)
            } else {
                throw ValidationError("FILE: neither an inclusion nor a consistency proof of /api/v1/log/proof/…")
            }
            guard let head else { return }
            guard let view = try? decoder.decode(LogAPIController.HeadView.self, from: CommandFile.read(head, "--head")),
                let signed = view.head
            else {
                throw ValidationError("--head: not a head of /api/v1/log/head")
            }
            let publicKey = try key.map { String(decoding: try CommandFile.read($0, "--key"), as: UTF8.self) } ?? view.publicKey
            if key == nil { print("(the head's own key is used: pass --key to check it against a key kept apart)") }
            guard signed.isSigned(by: publicKey) else { throw failure("the head is not signed by this key") }
            guard signed.size == size, signed.root.hex == root else {
                throw failure("the proof leads to the tree of \(size), not to the head's tree of \(signed.size)")
            }
            print("The head signed at \(signed.timestamp) is that tree: valid.")
        }

        private func failure(_ reason: String) -> ExitCode {
            print("INVALID: " + reason)
            return ExitCode(1)
        }
    }
}

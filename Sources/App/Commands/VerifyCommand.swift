import ArgumentParser
import Foundation
import LangNgheCore
import LangNgheStorage

/// `langnghe verify FILE [--root CERT] [--revoked FILE]`: checks a signed answer (the JSON of
/// `/api/v1/petitions/{code}/answer`) or a signed report (`langnghe report … --sign --format json`)
/// offline. With `--root`, nothing but the files given is
/// read — no database, no network; without it, the roots and revocations of the local database.
/// Offline, a verifier cannot see the case's log, so a signature never recorded is only caught
/// online (`/xac-minh`, `POST /api/v1/verify`). Exits 1 when the document is not valid.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Xác minh văn bản trả lời hoặc báo cáo đã ký / verify a signed answer or report.")

    @Argument(help: "The signed answer or report (JSON).")
    var file: String
    @Option(help: "Trusted root certificates (PEM), e.g. from /pki/root.pem, kept from a trusted source.")
    var root: String?
    @Option(help: "The revocation list (JSON of /pki/revoked.json).")
    var revoked: String?

    func run() async throws {
        let document = try CommandFile.read(file, "FILE")
        let revocations: [RevokedCertificate]
        if let revoked {
            struct List: Decodable { let revoked: [RevokedCertificate] }
            guard let list = try? JSONDecoder().decode(List.self, from: CommandFile.read(revoked, "--revoked")) else {
                throw ValidationError("--revoked: not the JSON of /pki/revoked.json")
            }
            revocations = list.revoked
        } else {
            revocations = []
        }
        let result: Verification
        if let root {
            let verifier: AnswerVerifier
            do {
                verifier = try AnswerVerifier(
                    rootsPEM: String(decoding: try CommandFile.read(root, "--root"), as: UTF8.self), revoked: revocations)
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ValidationError("--root: not PEM certificates (\(error))")
            }
            result = await verifier.verify(json: document)
        } else {
            let settings = try StartUp.settings()
            result = try await StartUp.withPreparedStore(settings, logger: StartUp.logger()) { store in
                await (try store.answerVerifier()).verify(json: document)
            }
        }
        let catalogue = try Catalogue.bundled()
        let message = catalogue.verdict(result, .en)
        if result.valid {
            print(
                "VALID: \(result.trackingCode ?? result.report ?? "") signed by \(result.signer ?? "") for \(result.agency ?? "") at \(result.signedAt ?? "")."
            )
            print(message)
        } else {
            print("INVALID (\(result.reason?.rawValue ?? "")): \(message)")
            throw ExitCode(1)
        }
    }
}

import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import NIOCore
import Testing
import X509

@testable import App

/// Issue 11 §1: admins rotate, revoke and import agencies' certificates; an answer signed with a
/// chain from an outside CA (as Vietnam's public CAs issue) verifies like one of ours.
@Suite struct CertificateAdminTests {
    /// An outside CA (root and intermediate) and an agency certificate it issued, PEM, with the key.
    static func outsideChain(agencyName: String = "Bộ Tài chính", rootKey: P256.Signing.PrivateKey = .init()) throws
        -> (chain: String, key: String, leafKey: P256.Signing.PrivateKey)
    {
        let rootName = try DistinguishedName {
            CountryName("VN")
            CommonName("CA công cộng thử nghiệm")
        }
        let root = try certificate(rootName, key: rootKey.publicKey, issuer: rootName, issuerKey: rootKey, isCA: true)
        let intermediateKey = P256.Signing.PrivateKey()
        let intermediateName = try DistinguishedName {
            CountryName("VN")
            CommonName("CA trung gian thử nghiệm")
        }
        let intermediate = try certificate(
            intermediateName, key: intermediateKey.publicKey, issuer: rootName, issuerKey: rootKey, isCA: true)
        let leafKey = P256.Signing.PrivateKey()
        let leafName = try DistinguishedName {
            CountryName("VN")
            CommonName(agencyName)
        }
        let leaf = try certificate(leafName, key: leafKey.publicKey, issuer: intermediateName, issuerKey: intermediateKey, isCA: false)
        let chain = try [leaf, intermediate, root].map { try $0.serializeAsPEM().pemString }.joined(separator: "\n")
        return (chain, leafKey.pemRepresentation, leafKey)
    }

    /// A certificate valid from an hour ago for a year, for a CA or for a signer.
    static func certificate(
        _ subject: DistinguishedName, key: P256.Signing.PublicKey, issuer: DistinguishedName, issuerKey: P256.Signing.PrivateKey,
        isCA: Bool
    ) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key), notValidBefore: Date() - 3600,
            notValidAfter: Date() + 86_400 * 365, issuer: issuer, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : BasicConstraints.notCertificateAuthority)
            },
            issuerPrivateKey: .init(issuerKey))
    }

    static func adminBrowser(_ client: any TestClientProtocol) async throws -> (Browser, String) {
        let browser = Browser(client)
        let login = try await browser.get(Site.signIn.path)
        try await browser.post(
            Site.signIn.path, fields: [("username", "admin"), ("password", TestStaff.password)], csrf: Browser.csrfToken(in: login.text))
        let page = try await browser.get(Site.certificates.path)
        #expect(page.status == .ok)
        return (browser, Browser.csrfToken(in: page.text) ?? "")
    }

    @Test func anImportedChainSignsAndVerifies() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            let (browser, token) = try await Self.adminBrowser(client)
            let outside = try Self.outsideChain()
            // A key that is not the certificate's is refused, the chain kept in the form, the key never shown.
            let wrong = try await browser.post(
                Site.certificates.path,
                fields: [
                    ("operation", "import"), ("agency", "BTC"), ("chain", outside.chain),
                    ("key", P256.Signing.PrivateKey().pemRepresentation),
                ],
                csrf: token)
            #expect(
                wrong.status == .unprocessableContent && wrong.text.contains("Khóa bí mật không khớp")
                    && wrong.text.contains("aria-describedby=\"import-error\""))
            #expect(wrong.text.contains("BEGIN CERTIFICATE") && !wrong.text.contains("PRIVATE KEY-----"))
            // A chain without its root leads nowhere.
            let rootless =
                outside.chain.components(separatedBy: "-----END CERTIFICATE-----").prefix(2)
                .joined(separator: "-----END CERTIFICATE-----") + "-----END CERTIFICATE-----"
            let refused = try await browser.post(
                Site.certificates.path, fields: [("operation", "import"), ("agency", "BTC"), ("chain", rootless), ("key", outside.key)],
                csrf: token)
            #expect(refused.status == .unprocessableContent && refused.text.contains("không dẫn tới một CA gốc"))
            let missing = try await browser.post(
                Site.certificates.path, fields: [("operation", "import"), ("agency", "BTC"), ("chain", ""), ("key", outside.key)],
                csrf: token)
            #expect(missing.status == .unprocessableContent && missing.text.contains("Vui lòng nhập"))

            let imported = try await browser.post(
                Site.certificates.path,
                fields: [("operation", "import"), ("agency", "BTC"), ("chain", outside.chain), ("key", outside.key)],
                csrf: token)
            #expect(imported.status == .seeOther)
            let signed = try await SignedAnswerTests.document(client, try await SignedAnswerTests.signedCase(client))
            #expect(signed.certificates.count == 2, "the leaf and its intermediate")
            #expect(try await store.verify(signed).valid)
            // The outside root is published with ours, so anyone can verify offline.
            let roots = try await client.execute(uri: Site.rootCertificates.path, method: .get).text
            #expect(roots.components(separatedBy: "BEGIN CERTIFICATE").count == 3)
            let offline = try AnswerVerifier(rootsPEM: roots)
            #expect(await offline.verify(signed).valid)
            // The outside certificate signs for BTC only: the same document claimed for BYT does not verify.
            var claimed = signed.document
            claimed.agency.code = "BYT"
            let resigned = SignedAnswer(
                document: claimed,
                signature: try outside.leafKey.signature(for: claimed.signedBytes()).derRepresentation.base64EncodedString(),
                certificates: signed.certificates)
            #expect(try await store.answerVerifier().verify(resigned).reason == .agencyMismatch)
            #expect(try await store.securityLog(action: "certificateImported").count == 1)
        }
    }

    @Test func adminsRotateAndRevokeOthersCannot() async throws {
        try await withApp { client, store in
            try await TestStaff.create(in: store)
            _ = try await SignedAnswerTests.signedCase(client)
            let (browser, token) = try await Self.adminBrowser(client)
            #expect(
                try await browser.post(Site.certificates.path, fields: [("operation", "rotate"), ("agency", "BTC")], csrf: token).status
                    == .seeOther)
            let btc = try await store.certificates().filter { $0.agencyCode == "BTC" }
            #expect(btc.count == 2)
            let page = try await browser.get(Site.certificates.path).text
            #expect(page.contains("Đang dùng để ký") && page.contains(btc[0].fingerprint) && page.contains(btc[1].fingerprint))
            // A rotation without an agency says so at the rotation's own form (and at the top).
            let noAgency = try await browser.post(Site.certificates.path, fields: [("operation", "rotate"), ("agency", "")], csrf: token)
            #expect(
                noAgency.status == .unprocessableContent && noAgency.text.contains("id=\"rotate-error\"")
                    && noAgency.text.contains("role=\"alert\""))
            let noReason = try await browser.post(Site.certificate(.value(btc[1].id)).path, fields: [("reason", "")], csrf: token)
            #expect(noReason.status == .unprocessableContent)
            let revoked = try await browser.post(
                Site.certificate(.value(btc[1].id)).path, fields: [("reason", "Khóa cũ bị lộ")], csrf: token)
            #expect(revoked.status == .seeOther)
            #expect(try await store.revokedCertificates().map(\.fingerprint) == [btc[1].fingerprint])
            let again = try await browser.post(Site.certificate(.value(btc[1].id)).path, fields: [("reason", "lần nữa")], csrf: token)
            #expect(again.status == .conflict)
            // The root is not revoked from here, and a leader is no admin.
            let root = try #require(try await store.certificates().first { $0.kind == .root })
            let rootRevoked = try await browser.post(Site.certificate(.value(root.id)).path, fields: [("reason", "x")], csrf: token)
            #expect(rootRevoked.status == .notFound)
            let leader = Browser(client)
            let login = try await leader.get(Site.signIn.path)
            try await leader.post(
                Site.signIn.path, fields: [("username", "btc-leader"), ("password", TestStaff.password)],
                csrf: Browser.csrfToken(in: login.text))
            #expect(try await leader.get(Site.certificates.path).status == .forbidden)
            #expect(try await store.securityLog(action: "certificateRevoked").count == 1)
        }
    }

    @Test func aWrongPassphraseStopsTheStart() async throws {
        try await TestDatabase.withStore { store in
            try await store.prepareCertificateAuthority(passphrase: CAPassphrase("la passphrase de départ", rounds: 1000), now: Date())
            let fresh = Store(database: store.database, attachments: store.attachmentContents.database, policies: store.policies)
            await #expect(throws: SigningError.wrongPassphrase) {
                try await fresh.prepareCertificateAuthority(passphrase: CAPassphrase("une autre passphrase", rounds: 1000), now: Date())
            }
            try await fresh.prepareCertificateAuthority(passphrase: CAPassphrase("la passphrase de départ", rounds: 1000), now: Date())
        }
    }
}

import Crypto
import Foundation
import LangNgheCore
import SwiftASN1
import X509

extension Store {
    /// Makes LangNghe's root CA on first run; afterwards checks that `passphrase` opens its key,
    /// so that a wrong `LANGNGHE_CA_PASSPHRASE` stops the start instead of the first signature.
    public func prepareCertificateAuthority(passphrase: CAPassphrase, now: Date) async throws {
        _ = try await rootAuthority(passphrase: passphrase, now: now)
    }

    /// The agency's newest unrevoked certificate with its key; one is issued from the root first
    /// when the agency has none.
    public func signingIdentity(agency: String, passphrase: CAPassphrase, now: Date) async throws -> SigningIdentity {
        if let identity = try await currentIdentity(agency: agency) { return identity }
        try await issueCertificate(agency: agency, passphrase: passphrase, now: now)
        guard let identity = try await currentIdentity(agency: agency) else { throw SigningError.noCertificate(agency) }
        return identity
    }

    /// Rotation: a new key and certificate for the agency. The old certificate stays valid for
    /// what it signed; only the new one signs from now on.
    @discardableResult
    public func rotateCertificate(agency: String, passphrase: CAPassphrase, now: Date) async throws -> StoredCertificate {
        try await issueCertificate(agency: agency, passphrase: passphrase, now: now)
    }

    /// Withdraws an agency's certificate (not a root): what it signs from `at` on does not verify.
    public func revokeCertificate(id: Int64, reason: String, at: Date) async throws {
        try await database.write { db in
            guard let row = try await db.first("SELECT kind, revoked_at FROM certificates WHERE id = ?", id),
                row.string("kind") == StoredCertificate.Kind.agency.rawValue
            else { throw StoreError.notFound }
            guard row.string("revoked_at") == nil else { throw StoreError.alreadyExists("revoked") }
            try await db.execute(
                "UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE id = ?", Timestamp.string(at), reason, id)
        }
    }

    /// Every certificate: roots first, then agencies', newest first.
    public func certificates() async throws -> [StoredCertificate] {
        try await database.read { db in
            try await db.query(
                "SELECT * FROM certificates ORDER BY CASE kind WHEN 'root' THEN 0 WHEN 'anchor' THEN 1 ELSE 2 END, agency_code, id DESC"
            ).map(StoredCertificate.init(row:))
        }
    }

    /// The roots anyone may trust, PEM: LangNghe's own first, then the outside roots admins
    /// trusted by importing a chain (`/pki/root.pem`).
    public func trustedRootsPEM() async throws -> String {
        Self.trustedRootsPEM(try await certificates())
    }

    /// Revoked certificates, oldest revocation first (`/pki/revoked.json`).
    public func revokedCertificates() async throws -> [RevokedCertificate] {
        Self.revocations(try await certificates())
    }

    /// The verifier the server uses: its trusted roots, its revocations, and which agency each
    /// registered certificate signs for — all from one read of the certificates.
    public func answerVerifier() async throws -> AnswerVerifier {
        let all = try await certificates()
        var registered: [String: String] = [:]
        for certificate in all where certificate.kind == .agency { registered[certificate.fingerprint] = certificate.agencyCode }
        return try AnswerVerifier(rootsPEM: Self.trustedRootsPEM(all), revoked: Self.revocations(all), registered: registered)
    }

    private static func trustedRootsPEM(_ all: [StoredCertificate]) -> String {
        all.filter { $0.kind != .agency }.map(\.pem).joined(separator: "\n")
    }

    private static func revocations(_ all: [StoredCertificate]) -> [RevokedCertificate] {
        all.compactMap { stored in
            stored.revokedAt.map {
                RevokedCertificate(
                    fingerprint: stored.fingerprint, serial: stored.serial, agency: stored.agencyCode, revokedAt: Timestamp.string($0),
                    reason: stored.revocationReason ?? "")
            }
        }.sorted { ($0.revokedAt, $0.fingerprint) < ($1.revokedAt, $1.fingerprint) }
    }

    // MARK: - Issuing

    @discardableResult
    private func issueCertificate(agency: String, passphrase: CAPassphrase, now: Date) async throws -> StoredCertificate {
        let (root, rootKey) = try await rootAuthority(passphrase: passphrase, now: now)
        let name = try await database.read { db in
            try await db.first("SELECT name_vi FROM agencies WHERE code = ?", agency)?.string("name_vi")
        }
        guard let name else { throw StoreError.notFound }
        let key = P256.Signing.PrivateKey()
        let certificate = try CertificateAuthority.issue(
            agencyCode: agency, agencyName: name, publicKey: key.publicKey, root: root, rootKey: rootKey, now: now)
        return try await database.write { db in
            let sealed = try await self.dataKey(in: db, create: true).seal(key.rawRepresentation.base64EncodedString())
            return try await Self.insert(certificate, kind: .agency, agency: agency, sealedKey: sealed, source: "issued", now: now, in: db)
        }
    }

    /// The root and its opened key, made the first time. Opening costs a PBKDF2 stretch, so the
    /// key is kept for the process once opened.
    private func rootAuthority(passphrase: CAPassphrase, now: Date) async throws -> (Certificate, P256.Signing.PrivateKey) {
        if let cached = rootCache.withLock({ $0 }) { return cached }
        let opened: (Certificate, P256.Signing.PrivateKey) = try await database.write { db in
            if let row = try await db.first("SELECT certificate, sealed_private_key FROM certificates WHERE kind = 'root'") {
                let certificate = try Certificate(pemEncoded: row.string("certificate") ?? "")
                let raw = try passphrase.open(row.string("sealed_private_key") ?? "")
                return (certificate, try P256.Signing.PrivateKey(rawRepresentation: raw))
            }
            let (certificate, key) = try CertificateAuthority.makeRoot(now: now)
            try await Self.insert(
                certificate, kind: .root, agency: nil, sealedKey: try passphrase.seal(key.rawRepresentation), source: "issued", now: now,
                in: db)
            return (certificate, key)
        }
        rootCache.withLock { $0 = opened }
        return opened
    }

    private func currentIdentity(agency: String) async throws -> SigningIdentity? {
        try await database.read { db in
            guard
                let row = try await db.first(
                    """
                    SELECT certificate, chain, fingerprint, sealed_private_key FROM certificates
                    WHERE kind = 'agency' AND agency_code = ? AND revoked_at IS NULL AND sealed_private_key IS NOT NULL
                    ORDER BY id DESC LIMIT 1
                    """, agency),
                let sealed = row.string("sealed_private_key")
            else { return nil }
            let dataKey = try await self.dataKey(in: db, create: false)
            guard let raw = Data(base64Encoded: try dataKey.open(sealed)),
                let key = try? P256.Signing.PrivateKey(rawRepresentation: raw)
            else { throw StoreError.unreadable("certificates: an agency's key does not open") }
            let stored = row.string("chain") ?? ""
            let chain = stored.isEmpty ? [] : try PEMDocument.parseMultiple(pemString: stored).map(\.pemString)
            return SigningIdentity(
                key: key, certificates: [row.string("certificate") ?? ""] + chain, fingerprint: row.string("fingerprint") ?? "")
        }
    }

    @discardableResult
    static func insert(
        _ certificate: Certificate, kind: StoredCertificate.Kind, agency: String?, chain: [Certificate] = [], sealedKey: String?,
        source: String, now: Date, in db: any SQLConnection
    ) async throws -> StoredCertificate {
        guard
            let row = try await db.first(
                """
                INSERT INTO certificates (kind, agency_code, certificate, chain, fingerprint, serial, subject, not_before, not_after,
                    sealed_private_key, source, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *
                """, kind.rawValue, agency, certificate.pem, chain.map(\.pem).joined(separator: "\n"), certificate.fingerprint,
                certificate.serialNumber.description, certificate.subject.description, Timestamp.string(certificate.notValidBefore),
                Timestamp.string(certificate.notValidAfter), sealedKey, source, Timestamp.string(now))
        else { throw StoreError.unreadable("certificates") }
        return try StoredCertificate(row: row)
    }
}

extension StoredCertificate {
    init(row: SQLRow) throws {
        guard let id = row.int("id"), let kind = row.string("kind").flatMap(Kind.init(rawValue:)),
            let notBefore = row.string("not_before").flatMap(Timestamp.date),
            let notAfter = row.string("not_after").flatMap(Timestamp.date),
            let createdAt = row.string("created_at").flatMap(Timestamp.date)
        else { throw StoreError.unreadable("certificates") }
        self.init(
            id: Int64(id), kind: kind, agencyCode: row.string("agency_code"), pem: row.string("certificate") ?? "",
            chain: row.string("chain") ?? "", fingerprint: row.string("fingerprint") ?? "", serial: row.string("serial") ?? "",
            subject: row.string("subject") ?? "", notBefore: notBefore, notAfter: notAfter, source: row.string("source") ?? "",
            createdAt: createdAt, revokedAt: row.string("revoked_at").flatMap(Timestamp.date),
            revocationReason: row.string("revocation_reason"))
    }
}

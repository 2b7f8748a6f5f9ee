import Crypto
import Foundation
import LangNgheCore
import SwiftASN1
import X509

extension Store {
    /// An agency's certificate issued by an outside CA (Vietnam's public CAs issue such), imported
    /// by an admin as a PEM chain (the agency's certificate first, then intermediates, then the
    /// CA's root) with the P-256 private key. The chain must verify today and the key must match;
    /// a root the system did not trust yet becomes a trust anchor, published with its own.
    /// A refusal names its reason (`SigningError.ImportProblem`), which the admin's form words.
    @discardableResult
    public func importCertificateChain(agency: String, chainPEM: String, keyPEM: String, now: Date) async throws -> StoredCertificate {
        @Sendable func refuse(_ problem: SigningError.ImportProblem) -> SigningError { .invalidImport(problem) }
        guard let documents = try? PEMDocument.parseMultiple(pemString: chainPEM), !documents.isEmpty,
            let chain = try? documents.map({ try Certificate(pemDocument: $0) })
        else { throw refuse(.notPEM) }
        guard let key = try? P256.Signing.PrivateKey(pemRepresentation: keyPEM.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw refuse(.badKey)
        }
        let leaf = chain[0]
        guard let leafKey = P256.Signing.PublicKey(leaf.publicKey), leafKey.rawRepresentation == key.publicKey.rawRepresentation else {
            throw refuse(.keyMismatch)
        }
        if case .isCertificateAuthority = try leaf.extensions.basicConstraints {
            throw refuse(.leafIsCA)
        }
        if leaf.isSelfSigned {
            throw refuse(.leafIsCA)
        }
        guard leaf.notValidBefore <= now, now < leaf.notValidAfter else { throw refuse(.expired) }
        let existingRoots = try await certificates().filter { $0.kind != .agency }.map { try Certificate(pemEncoded: $0.pem) }
        let newRoot = chain.count > 1 && chain[chain.count - 1].isSelfSigned ? chain[chain.count - 1] : nil
        let intermediates = Array(chain.dropFirst().filter { $0 != newRoot })
        var verifier = Verifier(rootCertificates: CertificateStore(existingRoots + [newRoot].compactMap { $0 })) { RFC5280Policy() }
        guard case .validCertificate = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates)) else {
            throw refuse(.noRoot)
        }
        return try await database.write { db in
            guard try await db.first("SELECT code FROM agencies WHERE code = ?", agency) != nil else { throw StoreError.notFound }
            if try await db.first("SELECT id FROM certificates WHERE fingerprint = ?", leaf.fingerprint) != nil {
                throw refuse(.alreadyImported)
            }
            if let newRoot, try await db.first("SELECT id FROM certificates WHERE fingerprint = ?", newRoot.fingerprint) == nil {
                try await Self.insert(newRoot, kind: .anchor, agency: nil, sealedKey: nil, source: "imported", now: now, in: db)
            }
            let sealed = try await self.dataKey(in: db, create: true).seal(key.rawRepresentation.base64EncodedString())
            return try await Self.insert(
                leaf, kind: .agency, agency: agency, chain: intermediates, sealedKey: sealed, source: "imported", now: now, in: db)
        }
    }
}

extension Certificate {
    var isSelfSigned: Bool { issuer == subject }
}

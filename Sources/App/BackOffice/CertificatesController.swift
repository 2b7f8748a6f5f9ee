import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo/quan-tri/chung-thu`: the root CA and each agency's signing certificates. Admins
/// rotate an agency's key (a new certificate; what the old one signed still verifies), revoke a
/// certificate (what it signs from then on does not verify), or import a chain issued by an
/// outside CA with its key. Every change is in the security log.
struct CertificatesController {
    let store: Store
    let views: Views
    let environment: AppEnvironment
    let passphrase: CAPassphrase

    @Sendable func show(_ request: Request, context: AdminRequestContext) async throws -> Response {
        try await page(context, form: CertificatesPage.ImportForm())
    }

    /// `operation`: `rotate` (with `agency`) or `import` (with `agency`, `chain`, `key`).
    @Sendable func change(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        let agency = (form["agency"] ?? "").trimmingCharacters(in: .whitespaces)
        let agencies = try await store.agencies()
        guard agencies.contains(where: { $0.code == agency }) else {
            return try await refused(context, form: form, FieldError("agency", agency.isEmpty ? .required : .unknownAgency))
        }
        switch form["operation"] {
        case "rotate":
            let issued = try await store.rotateCertificate(agency: agency, passphrase: passphrase, now: environment.now())
            try await store.logAdminChange("certificateRotated", by: context, at: environment.now(), "\(agency) \(issued.fingerprint)")
        case "import":
            let chain = form["chain"] ?? ""
            let key = form["key"] ?? ""
            for (name, value) in [("chain", chain), ("key", key)] where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return try await refused(context, form: form, FieldError(name, .required))
            }
            do {
                let imported = try await store.importCertificateChain(agency: agency, chainPEM: chain, keyPEM: key, now: environment.now())
                try await store.logAdminChange(
                    "certificateImported", by: context, at: environment.now(), "\(agency) \(imported.fingerprint)")
            } catch SigningError.invalidImport(let problem) {
                var page = CertificatesPage.ImportForm(operation: "import", agency: agency, chain: chain)
                page.problem = views.catalogue.text("certificates_import_" + problem.rawValue, context.language)
                return try await self.page(context, form: page, status: .unprocessableContent)
            }
        default:
            return try await refused(context, form: form, FieldError("operation", .invalidChoice))
        }
        return .redirect(to: Site.certificates.path, type: .normal)
    }

    /// `POST …/chung-thu/{id}`: revokes one agency certificate, with a reason.
    @Sendable func revoke(_ request: Request, context: AdminRequestContext) async throws -> Response {
        let form = context.form ?? FormData()
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw AppError.notFound }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else {
            return try await refused(context, form: FormData(), FieldError("reason", reason.isEmpty ? .required : .tooLong(max: 500)))
        }
        do {
            try await store.revokeCertificate(id: id, reason: reason, at: environment.now())
        } catch StoreError.alreadyExists {
            throw AppError.conflict("certificates_already_revoked")
        } catch StoreError.notFound {
            throw AppError.notFound
        }
        try await store.logAdminChange("certificateRevoked", by: context, at: environment.now(), "\(id) \(reason)")
        return .redirect(to: Site.certificates.path, type: .normal)
    }

    private func refused(_ context: AdminRequestContext, form: FormData, _ error: FieldError) async throws -> Response {
        var page = CertificatesPage.ImportForm(
            operation: form["operation"] ?? "revoke", agency: form["agency"] ?? "", chain: form["chain"] ?? "")
        page.problem = views.catalogue.message(for: error, context.language)
        return try await self.page(context, form: page, status: .unprocessableContent)
    }

    private func page(_ context: AdminRequestContext, form: CertificatesPage.ImportForm, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let model = CertificatesPage(
            certificates: try await store.certificates(), agencies: try await store.agencies(), form: form, catalogue: views.catalogue,
            language: context.language)
        return views.page(
            "admin-certificates", title: views.catalogue.text("admin_certificates", context.language), body: model, context: context,
            status: status)
    }

}

/// The certificates page: every certificate, newest first within its agency, and the import form.
struct CertificatesPage {
    struct Row {
        let kind: String
        let agency: String?
        let subject: String
        let fingerprint: String
        let validity: String
        let source: String
        let revoked: String?
        let revokeAction: String?
        /// The agency's newest unrevoked certificate: the one that signs.
        let signs: Bool
    }

    /// What came back: which form (`rotate`, `import`, `revoke`), what was typed (never the
    /// key), and the problem, shown at the top of the page and beside that form.
    struct ImportForm {
        var agency = ""
        var chain = ""
        var problem: String?
        // Stored, not computed: templates read stored properties only.
        let isImport: Bool
        let isRotate: Bool

        init(operation: String = "", agency: String = "", chain: String = "") {
            self.agency = agency
            self.chain = chain
            isImport = operation == "import"
            isRotate = operation == "rotate"
        }
    }

    let rows: [Row]
    let agencies: [SelectOption]
    let form: ImportForm
    let rootHref = Site.rootCertificates.path
    let revokedHref = Site.revokedCertificates.path

    init(certificates: [StoredCertificate], agencies: [Agency], form: ImportForm, catalogue: Catalogue, language: Language) {
        let names = agencies.byCode
        var signing = Set<String>()
        rows = certificates.map { c in
            let signs = c.kind == .agency && c.revokedAt == nil && signing.insert(c.agencyCode ?? "").inserted
            return Row(
                kind: catalogue.text("certificate_kind_" + c.kind.rawValue, language),
                agency: c.agencyCode.map { names[$0]?.name(language) ?? $0 }, subject: c.subject, fingerprint: c.fingerprint,
                validity: DisplayDate.format(c.notBefore) + " – " + DisplayDate.format(c.notAfter),
                source: catalogue.text("certificate_source_" + c.source, language),
                revoked: c.revokedAt.map { DisplayDate.format($0) + " — " + (c.revocationReason ?? "") },
                revokeAction: c.kind == .agency && c.revokedAt == nil ? Site.certificate(.value(c.id)).path : nil, signs: signs)
        }
        self.agencies =
            [SelectOption(value: "", label: catalogue.text("form_choose", language), selected: form.agency.isEmpty)]
            + agencies.filter { $0.active }.map {
                SelectOption(value: $0.code, label: $0.code + " — " + $0.name(language), selected: $0.code == form.agency)
            }
        self.form = form
    }
}

import Foundation
import LangNgheCore
import LangNgheStorage

/// Receiving a petition, whatever the channel: check everything, then store it in one
/// transaction. Nothing is stored when anything is wrong.
public struct IntakeService: Sendable {
    let store: Store
    let environment: AppEnvironment
    let reference: ReferenceCache
    let limits: SubmissionLimits

    public init(store: Store, environment: AppEnvironment = .live, limits: SubmissionLimits = .off) {
        self.init(store: store, environment: environment, reference: ReferenceCache(store: store, environment: environment), limits: limits)
    }

    init(store: Store, environment: AppEnvironment, reference: ReferenceCache, limits: SubmissionLimits) {
        self.store = store
        self.environment = environment
        self.reference = reference
        self.limits = limits
    }

    /// Where a submission comes from, for the rate limits.
    public enum Source: Sendable {
        /// A citizen's own client (the web form, the JSON API) at this address.
        case client(address: String)
        /// An Open311 integrator, sending for many people: its senders count, its address not.
        case integrator
        /// A clerk entering what the post brought: exempt.
        case clerk
    }

    /// A file as received, before its type is checked.
    public struct Upload: Sendable {
        public var fileName: String
        public var bytes: [UInt8]

        public init(fileName: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.bytes = bytes
        }
    }

    public struct Receipt: Sendable {
        public var trackingCode: TrackingCode
        public var accessKey: String
        public var receivedAt: Date
    }

    /// Checks the draft and the files (every problem reported at once) and stores the petition.
    public func submit(
        _ draft: PetitionDraft, uploads: [Upload], channel: Channel, actor: Actor = .submitter, actorAgencyCode: String? = nil,
        source: Source = .clerk, language: Language = .vi
    ) async throws -> Receipt {
        try await submit(
            draft, uploads: uploads, channel: channel, actor: actor, actorAgencyCode: actorAgencyCode, source: source, idempotency: nil,
            language: language)
    }

    /// The same, recording the client's `Idempotency-Key` with the petition: a retry of the same
    /// request gets the same receipt, another request with the key a conflict.
    func submit(
        _ draft: PetitionDraft, uploads: [Upload], channel: Channel, actor: Actor = .submitter, actorAgencyCode: String? = nil,
        source: Source, idempotency: IdempotencyKey?, language: Language = .vi
    ) async throws -> Receipt {
        if let idempotency, let earlier = try await store.idempotencyRecord(keyHash: idempotency.keyHash) {
            return try idempotency.replay(earlier)
        }
        let reference = try await reference.intakeReference()
        var errors: [FieldError] = []
        var petition: ValidPetition?
        switch draft.validated(against: reference) {
        case .success(let valid): petition = valid
        case .failure(let failure): errors = failure.errors
        }
        let attachments = Self.check(uploads, errors: &errors)
        guard errors.isEmpty, let petition else { throw AppError.validation(errors) }
        // Counted only once the petition is valid: a form sent back with errors costs nothing.
        let address: String?? =
            switch source {
            case .client(let address): .some(address)
            case .integrator: .some(nil)
            case .clerk: .none
            }
        if let address, let wait = try await store.hit(limits.limits(for: petition, address: address), at: environment.now()) {
            throw AppError.rateLimited(retryAfter: wait)
        }

        let accessKey = environment.makeAccessKey()
        let receivedAt = environment.now()
        var intake = Intake(
            petition: petition, channel: channel, accessKeyHash: AccessKey.hash(accessKey),
            attachments: attachments, receivedAt: receivedAt, actor: actor, actorAgencyCode: actorAgencyCode, language: language)
        do {
            intake.idempotency = try idempotency?.record(accessKey: accessKey, receivedAt: receivedAt)
            let code = try await store.submit(intake)
            return Receipt(trackingCode: code, accessKey: accessKey, receivedAt: receivedAt)
        } catch {
            // Another request with the same key won the race: answer as it was answered.
            if let idempotency, let earlier = try await store.idempotencyRecord(keyHash: idempotency.keyHash) {
                return try idempotency.replay(earlier)
            }
            throw error
        }
    }

    /// At most five files of the accepted formats (recognised from their content), 10 MB each.
    static func check(_ uploads: [Upload], errors: inout [FieldError]) -> [NewAttachment] {
        if uploads.count > AttachmentType.maxCount {
            errors.append(FieldError("attachments", .tooManyFiles(max: AttachmentType.maxCount)))
            return []
        }
        var attachments: [NewAttachment] = []
        for upload in uploads {
            let fileName = VietnameseText.normalized((upload.fileName as NSString).lastPathComponent)
            if upload.bytes.isEmpty {
                errors.append(FieldError("attachments", .fileEmpty))
            } else if upload.bytes.count > AttachmentType.maxBytes {
                errors.append(FieldError("attachments", .fileTooLarge(maxBytes: AttachmentType.maxBytes)))
            } else if let type = AttachmentType.detect(upload.bytes, fileName: fileName) {
                let digest = Hashing.sha256Hex(upload.bytes)
                let name = fileName.isEmpty ? "tep.\(type.fileExtension)" : String(fileName.prefix(200))
                attachments.append(NewAttachment(fileName: name, type: type, content: upload.bytes, sha256: digest))
            } else {
                errors.append(FieldError("attachments", .fileTypeNotAllowed))
            }
        }
        return attachments
    }
}

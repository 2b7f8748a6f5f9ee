import Foundation
import LangNgheCore

/// A file to attach, already checked (type from its content, size within limits).
public struct NewAttachment: Sendable {
    public var fileName: String
    public var type: AttachmentType
    public var content: [UInt8]
    /// Hex SHA-256 of the content: the roadmap's signed answers cite attachments by hash.
    public var sha256: String

    public init(fileName: String, type: AttachmentType, content: [UInt8], sha256: String) {
        self.fileName = fileName
        self.type = type
        self.content = content
        self.sha256 = sha256
    }
}

public struct AttachmentInfo: Sendable, Hashable {
    public var id: Int64
    public var position: Int
    public var fileName: String
    public var mediaType: String
    public var size: Int
    public var sha256: String
}

/// A submission's `Idempotency-Key`: hashes of the key and of the request, the receipt's
/// secret part (the access key) sealed under a key derived from the client's key, and the
/// tracking code the store gave the petition.
public struct IdempotencyRecord: Sendable, Hashable {
    public var keyHash: String
    public var requestHash: String
    public var sealedReceipt: String
    /// Set by the store when it records the key.
    public var trackingCode: TrackingCode?

    public init(keyHash: String, requestHash: String, sealedReceipt: String, trackingCode: TrackingCode? = nil) {
        self.keyHash = keyHash
        self.requestHash = requestHash
        self.sealedReceipt = sealedReceipt
        self.trackingCode = trackingCode
    }
}

/// Everything needed to store a new petition in one transaction.
public struct Intake: Sendable {
    public var petition: ValidPetition
    public var channel: Channel
    public var accessKeyHash: String
    public var attachments: [NewAttachment]
    public var receivedAt: Date
    /// The submitter online, or the clerk who entered a paper, phone, e-mail or fax petition.
    public var actor: Actor
    public var actorAgencyCode: String?
    /// The API client's `Idempotency-Key`, recorded in the same transaction as the petition.
    public var idempotency: IdempotencyRecord?
    /// The language the submitter used: their notifications are written in it.
    public var language: Language

    public init(
        petition: ValidPetition, channel: Channel, accessKeyHash: String, attachments: [NewAttachment] = [],
        receivedAt: Date, actor: Actor = .submitter, actorAgencyCode: String? = nil, idempotency: IdempotencyRecord? = nil,
        language: Language = .vi
    ) {
        self.language = language
        self.idempotency = idempotency
        self.petition = petition
        self.channel = channel
        self.accessKeyHash = accessKeyHash
        self.attachments = attachments
        self.receivedAt = receivedAt
        self.actor = actor
        self.actorAgencyCode = actorAgencyCode
    }
}

/// A stored petition with its case: submitter, attachments and the whole event log.
/// Callers decide what of it a reader may see.
public struct PetitionRecord: Sendable {
    public var id: Int64
    public var trackingCode: TrackingCode
    public var title: String
    public var content: String
    public var category: PetitionCategory
    public var fieldCode: String?
    public var agencyCode: String?
    public var leadAgencyCode: String?
    public var status: PetitionStatus
    public var channel: Channel
    public var publishName: Bool
    public var receivedAt: Date
    public var accessKeyHash: String
    public var submitter: Submitter
    public var attachments: [AttachmentInfo]
    public var events: [PetitionEvent]
}

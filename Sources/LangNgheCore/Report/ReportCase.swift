/// One case as a report reads it: the petition's fixed facts and its events up to the tree head
/// the report is computed from (never beyond it, so that later events change nothing).
public struct ReportCase: Sendable {
    /// The petition's number: naming evidence is kept by it, in the order of registration.
    public let id: Int
    public let trackingCode: TrackingCode
    public let category: PetitionCategory
    public let fieldCode: String?
    public let channel: Channel
    public let senderKind: Submitter.Kind
    /// In order of sequence, cut at the tree head; those after the period's end may be left
    /// out too (nothing later changes a report on the period).
    public let events: [PetitionEvent]

    public init(
        id: Int, trackingCode: TrackingCode, category: PetitionCategory, fieldCode: String?, channel: Channel,
        senderKind: Submitter.Kind, events: [PetitionEvent]
    ) {
        self.id = id
        self.trackingCode = trackingCode
        self.category = category
        self.fieldCode = fieldCode
        self.channel = channel
        self.senderKind = senderKind
        self.events = events
    }
}

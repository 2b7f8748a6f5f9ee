import Foundation
import LangNgheCore

extension PetitionEvent {
    /// Tests' shorthand for an event: its type, a text and a few fields as strings, read as
    /// stored before typed events (`LegacyEventFormat`). Required fields a test does not care
    /// about get placeholders.
    init(
        sequence: Int, type: EventType, at: Date, actor: Actor, agencyCode: String?, text: String = "", isPublic: Bool? = nil,
        data: [String: String] = [:]
    ) {
        let placeholders = [
            "reasonCode": "other", "leadAgency": "BTC", "agency": "BTC", "satisfaction": "3", "reason": "governmentAuthority",
            "into": "PAKN-2026-000001", "observerID": "1", "target": "title",
        ]
        let fields = placeholders.merging(data) { _, given in given }
        let body = try! LegacyEventFormat.body(type: type, text: text, data: fields)
        self.init(sequence: sequence, at: at, actor: actor, agencyCode: agencyCode, isPublic: isPublic, body: body)
    }
}

import Foundation
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage

/// Takes a filed petition through to a published answer directly in the store (the workflow's
/// own tests cover the rules; these tests are about what the public then sees).
func publish(_ code: String, in store: Store, agency: String = "HCM", answer: String, at date: Date = Date()) async throws {
    let trackingCode = TrackingCode(code)!
    func event(_ body: any EventBody, _ agencyCode: String?, minutes: Double) -> PetitionEvent {
        PetitionEvent(sequence: 0, at: date.addingTimeInterval(minutes * 60), actor: .system, agencyCode: agencyCode, body: body)
    }
    try await store.append(
        [
            event(Assigned(leadAgency: agency), "VPCP", minutes: 1),
            event(Acknowledged(), agency, minutes: 2),
            event(AnswerDrafted(content: answer), agency, minutes: 3),
            event(AnswerApproved(), agency, minutes: 4),
            event(AnswerPublished(answer: answer), agency, minutes: 5),
        ], to: trackingCode)
}

/// Files a petition with this title and content through the API.
func file(_ client: any TestClientProtocol, title: String, content: String, agency: String? = "HCM", publishName: Bool = false) async throws
    -> (String, String)
{
    try await submitPetition(client) { body in
        body["title"] = title
        body["content"] = content
        body["publishName"] = publishName
        if let agency { body["agencyCode"] = agency } else { body.removeValue(forKey: "agencyCode") }
    }
}

import Foundation
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage

/// Takes a filed petition through to a published answer directly in the store (the workflow's
/// own tests cover the rules; these tests are about what the public then sees).
func publish(_ code: String, in store: Store, agency: String = "HCM", answer: String, at date: Date = Date()) async throws {
    let trackingCode = TrackingCode(code)!
    // A millisecond apart, not minutes: events dated minutes ahead fell on the next day when
    // the test ran just before midnight in Vietnam, outside the statistics' period ending today.
    func event(_ body: any EventBody, _ agencyCode: String?, step: Double) -> PetitionEvent {
        PetitionEvent(sequence: 0, at: date.addingTimeInterval(step / 1000), actor: .system, agencyCode: agencyCode, body: body)
    }
    try await store.append(
        [
            event(Assigned(leadAgency: agency), "VPCP", step: 1),
            event(Acknowledged(), agency, step: 2),
            event(AnswerDrafted(content: answer), agency, step: 3),
            event(AnswerApproved(), agency, step: 4),
            event(AnswerPublished(answer: answer), agency, step: 5),
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

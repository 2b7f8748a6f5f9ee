import Foundation
import LangNgheCore
import LangNgheStorage

/// What the assistant offers on a case page, to those who can act on it: likely duplicates and
/// repeated complaints (coordinators at screening, with a one-step merge), the suggested routing
/// (coordinators routing it), published answers to start a draft from (those who draft). Each
/// is an offer; a person acts on every one.
struct CaseAssistance {
    struct Similar {
        let code: String
        let href: String
        let title: String
        let score: String
        let status: String
        let verdict: String
        let isDuplicate: Bool
        let isRepeated: Bool
        /// The merge form (the case merges into this one), when merging is allowed.
        let mergeInto: String?
        /// The escalation form filled in on the ground of a repeated complaint.
        let escalateHref: String?
    }

    struct Choice {
        let name: String
        let score: String
    }

    struct Answer {
        let code: String
        let href: String
        let title: String
        let agency: String
        let score: String
        let useHref: String
    }

    var similar: [Similar] = []
    var agencies: [Choice] = []
    var fields: [Choice] = []
    var answers: [Answer] = []
    // Stored, not computed: templates read stored properties only.
    var hasSimilar = false
    var hasRouting = false
    var hasAnswers = false

    /// The query parameters that fill a form from the assistant's offers.
    static let sourceParameter = "nguon"
    static let repeatParameter = "lap-lai"

    static func make(
        _ petition: PetitionRecord, staff: StaffIdentity, assist: AssistService, catalogue: Catalogue, language: Language,
        agencies: [Agency], fields: [Field]
    ) async throws -> CaseAssistance {
        let t = { (key: String) in catalogue.text(key, language) }
        let percent = { (score: Double) in NumberText.percent(score, language) }
        let allowed = Workflow.allowedEvents(for: .staff(staff), on: CaseState(events: petition.events))
        let code = petition.trackingCode.description
        let casePath = Site.staffCase(.value(code)).path
        var result = CaseAssistance()
        if staff.isCoordinator, allowed.contains(.merged) || allowed.contains(.assigned) || allowed.contains(.escalated) {
            result.similar = try await assist.similarCases(to: petition.trackingCode, for: staff, limit: 6).map { found in
                Similar(
                    code: found.code.description, href: Site.staffCase(.value(found.code.description)).path, title: found.title,
                    score: percent(found.score), status: t("status_" + found.status.rawValue),
                    verdict: t(found.repeatedComplaint ? "assist_repeated" : found.duplicate ? "assist_duplicate" : "assist_similar"),
                    isDuplicate: found.duplicate, isRepeated: found.repeatedComplaint,
                    // The later case merges into the earlier, never the other way.
                    mergeInto: found.duplicate && allowed.contains(.merged) && found.code.precedes(petition.trackingCode)
                        ? found.code.description : nil,
                    escalateHref: found.repeatedComplaint && allowed.contains(.escalated)
                        ? casePath + "?\(repeatParameter)=\(found.code)#action-escalated" : nil)
            }
        }
        if allowed.contains(.assigned), let suggestion = try await assist.suggestRouting(title: petition.title, content: petition.content) {
            let agencyNames = Dictionary(agencies.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { a, _ in a })
            let fieldNames = Dictionary(fields.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { a, _ in a })
            result.agencies = suggestion.agencies.map { Choice(name: agencyNames[$0.code] ?? $0.code, score: percent($0.score)) }
            result.fields = suggestion.fields.map { Choice(name: fieldNames[$0.code] ?? $0.code, score: percent($0.score)) }
        }
        if allowed.contains(.answerDrafted) {
            let agencyNames = Dictionary(agencies.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { a, _ in a })
            result.answers = try await assist.similarAnswers(to: petition.title + " " + petition.content)
                .filter { $0.code != petition.trackingCode }
                .map { found in
                    Answer(
                        code: found.code.description, href: Site.answer(.value(found.code.description)).path, title: found.title,
                        agency: agencyNames[found.agencyCode] ?? found.agencyCode, score: percent(found.score),
                        useHref: casePath + "?\(sourceParameter)=\(found.code)#action-answerDrafted")
                }
        }
        result.hasSimilar = !result.similar.isEmpty
        result.hasRouting = !result.agencies.isEmpty
        result.hasAnswers = !result.answers.isEmpty
        return result
    }
}

extension TrackingCode {
    /// Filed before `other` (numbers grow through a year; gaps do not change the order).
    fileprivate func precedes(_ other: TrackingCode) -> Bool { (year, number) < (other.year, other.number) }
}

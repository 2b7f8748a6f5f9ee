/// What a case's publication would show besides its answer: the title and content as the
/// submitter wrote them, and whom they may be about.
public struct PublicationTexts: Sendable, Hashable {
    public var title: String
    public var content: String
    public var subject: PersonalDataSubject

    public init(title: String, content: String, subject: PersonalDataSubject) {
        self.title = title
        self.content = content
        self.subject = subject
    }
}

/// Publication waits until every piece of personal data in what would be published — the
/// title, the content (their masked copies once masked) and the approved answer — is masked or
/// marked "not personal data" by the approver (DOMAIN.md §6).
public enum PublicationCheck {
    public struct Unresolved: Sendable, Hashable {
        public let target: Redacted.Target
        public let finding: PersonalDataFinding
    }

    public static func unresolved(_ texts: PublicationTexts, state: CaseState) -> [Unresolved] {
        let parts: [(Redacted.Target, String)] = [
            (.title, state.publicTitle ?? texts.title), (.content, state.publicContent ?? texts.content), (.answer, state.draft ?? ""),
        ]
        return parts.flatMap { target, text in
            let cleared = state.notPersonal[target] ?? []
            return PersonalDataDetector.findings(in: text, about: texts.subject)
                .filter { !cleared.contains($0.text.lowercased()) }
                .map { Unresolved(target: target, finding: $0) }
        }
    }
}

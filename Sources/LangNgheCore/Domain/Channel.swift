/// How a petition reached the system. Paper, phone, e-mail and fax petitions are entered by a
/// clerk (Decision 31/2021/QĐ-TTg Art. 43).
public enum Channel: String, Sendable, Codable, CaseIterable {
    case web, api, open311, paper, phone, email, fax
}

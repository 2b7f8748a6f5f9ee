/// The languages of the user interface: Vietnamese first, English available.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en
}

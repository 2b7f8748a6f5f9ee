/// How a person is told (issue 14 §2–3).
public enum NotificationChannel: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case email
    case sms

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Channels as stored in one column: "email,sms" (sorted), "" for none. Unknown names are
    /// dropped: a channel removed from the code stops, the others go on.
    public static func parse(_ stored: String) -> Set<Self> {
        Set(stored.split(separator: ",").compactMap { Self(rawValue: String($0)) })
    }

    public static func stored(_ channels: Set<Self>) -> String {
        channels.sorted().map(\.rawValue).joined(separator: ",")
    }
}

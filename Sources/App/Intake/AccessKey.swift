import Foundation

/// The submitter's secret for a petition: 130 random bits written as 26 characters of
/// Crockford base32 (no I, L, O, U to misread). Stored only as its SHA-256: it is long and random,
/// so a fast hash is enough, and a stolen database does not reveal it.
public enum AccessKey {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<26).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] })
    }

    /// The key as shown to read and copy: groups of four ("ABCD EFGH …"), so that a line breaks
    /// between groups and never inside one. Typed back with or without the spaces, it matches.
    public static func grouped(_ key: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(key)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// The hash to store and to compare, of the key as a person might type it (any case,
    /// with spaces or dashes).
    public static func hash(_ key: String) -> String {
        let normalized = key.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        return Hashing.sha256Hex(normalized)
    }

    /// Whether `key` opens the petition whose stored hash is `storedHash`, in constant time.
    public static func matches(_ key: String?, storedHash: String) -> Bool {
        guard let key, !key.isEmpty else { return false }
        return ConstantTime.equal(hash(key), storedHash)
    }
}

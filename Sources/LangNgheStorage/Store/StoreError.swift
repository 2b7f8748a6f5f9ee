/// What the store refuses, in domain terms.
public enum StoreError: Error, Sendable, Equatable {
    case notFound
    /// A unique name is taken (a username, an agency code).
    case alreadyExists(String)
    /// A stored row that cannot be read (where it is): bad stored data is an error, never
    /// silently skipped.
    case unreadable(String)
}

/// What the store refuses, in domain terms.
public enum StoreError: Error, Sendable, Equatable {
    case notFound
    /// A unique name is taken (a username, an agency code).
    case alreadyExists(String)
    /// A stored row that cannot be read (where it is): bad stored data is an error, never
    /// silently skipped.
    case unreadable(String)
    /// The master key in the settings (`LANGNGHE_DATA_KEY`) does not open the data key kept in
    /// the database: the wrong key, or the database of another installation.
    case wrongMasterKey
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound: "not found"
        case .alreadyExists(let name): "already exists: \(name)"
        case .unreadable(let place): "unreadable stored data: \(place)"
        case .wrongMasterKey:
            "LANGNGHE_DATA_KEY does not open the data key in this database (khoá dữ liệu không mở được khoá trong cơ sở dữ liệu này)"
        }
    }
}

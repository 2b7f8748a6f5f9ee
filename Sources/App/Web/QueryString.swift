import Foundation
import Hummingbird

extension Request {
    /// A query parameter as a browser's GET form sends it: `+` is a space, `%2B` a plus.
    /// (Hummingbird's decoder leaves `+` as it is.)
    func formQuery(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].removingPercentEncoding == name else { continue }
            return parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}

/// A page of a list, read once from a query string with bounds, so that no request value can
/// make the offset arithmetic overflow (`(page − 1) × size` with `page = Int64.max` trapped and
/// killed the process). A page past the last is simply empty.
public struct PageNumber: Sendable, Hashable, Comparable {
    /// A million pages of the largest page size (1,000) is a billion rows: more than any list
    /// holds, and far from overflowing.
    public static let limit = 1_000_000
    public static let first = PageNumber(clamping: 1)

    public let value: Int

    /// Any whole number, forced into 1…limit: for values that do not come from a request.
    public init(clamping value: Int) {
        self.value = min(max(1, value), Self.limit)
    }

    /// A query parameter: absent or empty is the first page; anything but a whole number in
    /// 1…limit is an error naming `field`.
    public init(parsing text: String?, field: String = "page") throws(FieldError) {
        guard let text, !text.isEmpty else {
            self = .first
            return
        }
        guard text.utf8.count <= 7, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text),
            (1...Self.limit).contains(value)
        else { throw FieldError(field, .notInRange(max: Self.limit)) }
        self.value = value
    }

    /// Rows to skip before this page; `pageSize` is at most 1,000 wherever a page is read.
    public func offset(pageSize: Int) -> Int {
        (value - 1) * min(max(1, pageSize), 1000)
    }

    public var next: PageNumber { PageNumber(clamping: value + 1) }
    public var previous: PageNumber? { value > 1 ? PageNumber(clamping: value - 1) : nil }

    public static func < (a: PageNumber, b: PageNumber) -> Bool { a.value < b.value }
}

/// Version 26: the reports published on the portal (issue 13 §4). One row per period: the public
/// version, signed by the Government Office, as its canonical JSON. Published once and never
/// rewritten, so that a past quarter's published figures never change.
extension Schema {
    static let v26PublishedReports = Migration(
        name: "v26-published-reports",
        statements: [
            "CREATE TABLE published_reports (period TEXT PRIMARY KEY, signed TEXT NOT NULL, published_at TEXT NOT NULL)"
        ])
}

/// Version 25: tracking numbers from a sequence per year on PostgreSQL (issue 12). Each
/// submission used to take the year's counter row's lock and hold it to commit, so submissions
/// ran one at a time; `nextval` never waits. A number taken by a transaction that then fails is
/// not given again (gaps are allowed; codes still grow with the order of submission). SQLite has
/// one writer anyway and keeps its counter rows. Years outside 2020–2100 keep the rows on both.
extension Schema {
    static let trackingSequenceYears = 2020...2100

    static let v25TrackingSequences = Migration(
        name: "v25-tracking-sequences", statements: [],
        postgresqlOnly: trackingSequenceYears.flatMap { year in
            [
                "CREATE SEQUENCE tracking_\(year)",
                "SELECT setval('tracking_\(year)', value) FROM counters WHERE name = 'tracking-\(year)' AND value > 0",
            ]
        })
}

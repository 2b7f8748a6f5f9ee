/// Version 13: the statistics of a year read twelve monthly sums instead of some 300,000 daily
/// ones (at 100,000 petitions). `rollups_monthly` holds the rollups summed per month, with the
/// category kept only for receipts (the one measure whose category mix is shown), and is kept
/// in the same transaction as the daily rollups; a period's whole months are read from it and
/// only its partial first and last months from the days. The overdue count gets an index that
/// answers it alone, and the prolonged cases (two restarts or more, `NamingReason.prolongedRestarts`)
/// a partial one; so do the answers marked useful, which the conduct page lists (it read all
/// 88,000 published answers to find them).
extension Schema {
    static let v13MonthlyRollups = Migration(
        name: "v13-monthly-rollups",
        statements: [],
        sqliteOnly: [monthlyRollupsTable + " WITHOUT ROWID"],
        postgresqlOnly: [monthlyRollupsTable],
        after: [
            """
            INSERT INTO rollups_monthly (month, agency_code, category, measure, detail, count)
            SELECT substr(day, 1, 7), agency_code, CASE WHEN measure IN ('submitted', 'received') THEN category ELSE '' END, measure, detail,
                SUM(count)
            FROM rollups
            GROUP BY substr(day, 1, 7), agency_code, CASE WHEN measure IN ('submitted', 'received') THEN category ELSE '' END, measure, detail
            """,
            "DROP INDEX petitions_due_date",
            "CREATE INDEX petitions_due_date ON petitions (due_date, lead_agency_code)",
            "CREATE INDEX petitions_prolonged ON petitions (restarts) WHERE restarts >= 2",
            "CREATE INDEX published_answers_useful ON published_answers (published_at, petition_id) WHERE useful IS NOT NULL",
        ])

    /// The sums are read by month range: in SQLite the table is its primary key, so a range is
    /// one sequential read.
    static let monthlyRollupsTable = """
        CREATE TABLE rollups_monthly (
            month TEXT NOT NULL, agency_code TEXT NOT NULL, category TEXT NOT NULL, measure TEXT NOT NULL, detail TEXT NOT NULL,
            count BIGINT NOT NULL, PRIMARY KEY (month, agency_code, category, measure, detail))
        """
}

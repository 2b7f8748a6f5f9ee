/// Version 9: statistics kept in step with the events. `case_facts` holds each case's
/// statistics facts (the evidence behind a figure: which cases were answered late, say);
/// `rollups` their sums per day, agency, category, measure and detail, which the statistics
/// pages and the API add up over a period instead of reading every case.
extension Schema {
    static let v9Rollups = Migration(
        name: "v9-rollups",
        statements: [
            """
            CREATE TABLE case_facts (
                petition_id BIGINT NOT NULL REFERENCES petitions(id), day TEXT NOT NULL, agency_code TEXT NOT NULL,
                category TEXT NOT NULL, measure TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX case_facts_petition ON case_facts (petition_id)",
            "CREATE INDEX case_facts_measure ON case_facts (measure, day, agency_code)",
            """
            CREATE TABLE rollups (
                day TEXT NOT NULL, agency_code TEXT NOT NULL, category TEXT NOT NULL, measure TEXT NOT NULL, detail TEXT NOT NULL,
                count BIGINT NOT NULL, PRIMARY KEY (day, agency_code, category, measure, detail))
            """,
        ])
}

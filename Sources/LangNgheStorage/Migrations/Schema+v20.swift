/// Version 20: the conduct page reads the cases behind each naming reason from the facts'
/// index alone, the petition number included (a year's 10,000 late answers at 100,000
/// petitions: no lookup into the facts' rows).
extension Schema {
    static let v20Evidence = Migration(
        name: "v20-evidence",
        statements: [
            "CREATE INDEX case_facts_evidence ON case_facts (measure, day, agency_code, petition_id)",
            "DROP INDEX case_facts_measure",
        ])
}

/// Version 14: queues answered from their own rows. Each agency's row in `petition_agencies`
/// carries the case's status, answer due date, due-order key and receipt, so that an agency's
/// queue (12,000 cases for a busy ministry at 100,000 petitions) is counted per status and
/// paged in due order from one index, without visiting its cases. `due_sort` is the due instant,
/// or `~` (after every timestamp) for a case with no running deadline, so that "due first,
/// the rest last" is an index order in both databases.
extension Schema {
    static let v14AgencyQueues = Migration(
        name: "v14-agency-queues",
        statements: [
            "ALTER TABLE petitions ADD COLUMN due_sort TEXT NOT NULL DEFAULT '~'",
            "UPDATE petitions SET due_sort = COALESCE(due_at, '~')",
            "ALTER TABLE petition_agencies ADD COLUMN status TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE petition_agencies ADD COLUMN due_date TEXT",
            "ALTER TABLE petition_agencies ADD COLUMN due_sort TEXT NOT NULL DEFAULT '~'",
            "ALTER TABLE petition_agencies ADD COLUMN received_at TEXT NOT NULL DEFAULT ''",
            """
            UPDATE petition_agencies SET
                status = (SELECT p.status FROM petitions p WHERE p.id = petition_agencies.petition_id),
                due_date = (SELECT p.due_date FROM petitions p WHERE p.id = petition_agencies.petition_id),
                due_sort = (SELECT p.due_sort FROM petitions p WHERE p.id = petition_agencies.petition_id),
                received_at = (SELECT p.received_at FROM petitions p WHERE p.id = petition_agencies.petition_id)
            """,
            "CREATE INDEX petition_agencies_status ON petition_agencies (agency_code, status)",
            "CREATE INDEX petition_agencies_due ON petition_agencies (agency_code, due_sort, received_at DESC, petition_id DESC)",
            "CREATE INDEX petition_agencies_received ON petition_agencies (agency_code, received_at DESC, petition_id DESC)",
            "CREATE INDEX petition_agencies_overdue ON petition_agencies (agency_code, due_date)",
            "DROP INDEX petitions_due",
            "DROP INDEX petitions_lead_due",
            "CREATE INDEX petitions_due ON petitions (due_sort, received_at DESC, id DESC)",
        ])
}

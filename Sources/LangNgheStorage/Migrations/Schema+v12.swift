/// Version 12: the overdue cases are found by their due date (the figures of the current
/// period, the overdue filter of the queues) through an index, not a scan.
extension Schema {
    static let v12DueDateIndex = Migration(
        name: "v12-due-date-index",
        statements: [
            "CREATE INDEX petitions_due_date ON petitions (due_date)",
            "CREATE INDEX case_clocks_due ON case_clocks (policy, due_date)",
        ])
}

import Foundation
import LangNgheCore

/// Applies the migrations not yet applied, each in its own transaction, in order. Safe when two
/// server instances start at once: PostgreSQL takes an advisory lock, SQLite has one writer.
struct Migrator {
    static let all: [Migration] = [
        Schema.v1ReferenceData,
        Schema.v1Petitions,
        Schema.v1Staff,
        Schema.v2Workflow,
        Schema.v3Deadlines,
        Schema.v4Publication,
        Schema.v5APIKeys,
        Schema.v6AdminGrants,
        Schema.v7TypedEvents,
        Schema.v8CaseReadModels,
        Schema.v9Rollups,
        Schema.v10Idempotency,
        Schema.v11SearchIndex,
        Schema.v12DueDateIndex,
        Schema.v13MonthlyRollups,
        Schema.v14AgencyQueues,
        Schema.v15RateLimits,
        Schema.v16DataKeys,
        Schema.v17Erasure,
        Schema.v18SecondFactor,
        Schema.v19Expiry,
        Schema.v20Evidence,
        Schema.v21EventLog,
        Schema.v22LogHeads,
        Schema.v23Certificates,
        Schema.v24LogNodes,
        Schema.v25TrackingSequences,
        Schema.v26PublishedReports,
        Schema.v27Notifications,
        Schema.v28Assistance,
        Schema.v29PeriodEnds,
        Schema.v30AttachmentContents,
        Schema.v31AttachmentReleases,
    ]

    /// The marker of read models still to be rebuilt after a migration.
    static let projectionsPending = "projections-pending"
    /// The marker of submitters stored in clear still to be sealed (`Store.sealSubmittersInClear`).
    static let sealingPending = "sealing-pending"
    /// The marker of cases still to be put in the similarity index (`Store.indexForAssistance`).
    static let assistancePending = "assistance-pending"
    /// The marker of attachments' bytes still in `attachments` (`Store.moveAttachmentContents`).
    static let attachmentsPending = "attachments-pending"

    /// Work a migration leaves for `Store.migrate()`, which needs more than SQL: the marker it
    /// writes, cleared once the work is done (so an interrupted one runs again at the next start).
    static let leavesWork: [String: String] = [
        Schema.v8CaseReadModels.name: projectionsPending, Schema.v9Rollups.name: projectionsPending,
        Schema.v11SearchIndex.name: projectionsPending, Schema.v16DataKeys.name: sealingPending,
        Schema.v28Assistance.name: assistancePending, Schema.v30AttachmentContents.name: attachmentsPending,
    ]

    /// PostgreSQL's advisory lock that schema changes take, so that two servers starting at once
    /// take turns.
    static let lockKey = 7_411_001

    let database: any SQLDatabase

    /// Returns the names of the migrations it applied; `through` stops after the one of that
    /// name (tests bring a database to an older schema that way).
    @discardableResult
    func migrate(through last: String? = nil) async throws -> [String] {
        try await database.write { db in
            try await db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        }
        var applied: [String] = []
        for migration in Self.all {
            let dialect = database.dialect
            let didApply = try await database.write { db -> Bool in
                if dialect == .postgresql {
                    try await db.execute("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
                }
                if try await db.first("SELECT name FROM schema_migrations WHERE name = ?", migration.name) != nil {
                    return false
                }
                for statement in migration.sql(for: dialect) {
                    try await db.execute(statement)
                }
                try await migration.transform?(db)
                for statement in Migration.spelled(migration.after, for: dialect) {
                    try await db.execute(statement)
                }
                if let marker = Self.leavesWork[migration.name] {
                    // Cleared only once the rebuild is done: an interrupted rebuild runs again at the next start.
                    try await db.execute(
                        "INSERT INTO reference_versions (name, version, loaded_at) VALUES (?, 1, ?) ON CONFLICT (name) DO NOTHING",
                        marker, Timestamp.string(Date()))
                }
                try await db.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    migration.name, Timestamp.string(Date()))
                return true
            }
            if didApply { applied.append(migration.name) }
            if migration.name == last { break }
        }
        return applied
    }
}

import Foundation
import LangNgheCore

/// The outbox (issue 14 §1): notifications written with their events, taken by the delivery
/// worker under a lease, marked as they go.
///
/// A notification's states: `pending` (due at `next_attempt_at`) → `claimed` (a worker holds it
/// until `lease_until`) → `sending` (the message is about to be committed to the mail server or
/// gateway) → `sent`. A failure sends it back to `pending` later, or to `failed` once its
/// attempts are spent or the server refused it for good. A worker that dies while `claimed`
/// sent nothing (a mail server only takes a message at its final dot): another takes it when the
/// lease runs out. One that dies while `sending` may have sent it: that row becomes
/// `unconfirmed` and is never sent again by itself — an admin decides — so that nobody receives
/// the same message twice. A staff notification waiting for its account's daily digest is
/// `digest`, then `digested` into one digest message.
public enum NotificationState: String, Sendable, CaseIterable {
    case pending, claimed, sending, sent, failed, unconfirmed, digest, digested

    /// Failed for good, or perhaps sent: only an admin sends it again.
    public var needsAttention: Bool { self == .failed || self == .unconfirmed }

    /// Those states, for SQL: `'failed', 'unconfirmed'`.
    static var needingAttention: String { allCases.filter(\.needsAttention).map { "'\($0.rawValue)'" }.joined(separator: ", ") }
}

/// A notification as the delivery worker takes it: addressed, with what its text needs.
public struct OutboxItem: Sendable {
    public var id: Int64
    /// The local part of the Message-ID, fixed when the notification was written.
    public var messageID: String
    public var kind: Notice.Kind
    public var channel: NotificationChannel
    public var language: Language
    /// Attempts made before this one.
    public var attempts: Int
    public var trackingCode: TrackingCode?
    /// Where to send it; empty when there is nowhere (erased, or the account has none now).
    public var address: String
    /// The staff account's name, for the greeting; nil for the submitter.
    public var staffName: String?
    /// The staff account, for its unsubscribe link; nil for the submitter.
    public var staffID: Int64?
    /// The public text of the event (a refusal's explanation, the answer), for the submitter.
    public var eventText: String?
    /// The answer's due date, for reminders.
    public var dueDate: String?
    /// For a digest: the notifications it gathers.
    public var digested: [OutboxItem] = []
}

/// A notification as the back office lists it.
public struct NotificationRecord: Sendable, Hashable {
    public var id: Int64
    public var kind: String
    public var channel: String
    public var state: NotificationState
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// Nil for the submitter.
    public var staffName: String?
    public var trackingCode: String?
}

extension Store {
    /// Writes the notifications of `notices` for the case `petitionID`, inside the transaction of
    /// their events: one row per person and channel they chose. A reminder (`day`) is written
    /// once per case, kind, day, person and channel, whoever records it.
    @discardableResult
    static func recordNotices(
        _ notices: [Notice], petitionID: Int, now: Date, day: CivilDate? = nil, in db: any SQLConnection
    ) async throws -> Int {
        var written = 0
        let at = Timestamp.string(now)
        for notice in notices {
            for (staffID, channel, language, state) in try await recipients(of: notice, petitionID: petitionID, in: db) {
                try await db.execute(
                    """
                    INSERT INTO notifications (message_id, petition_id, sequence, kind, staff_id, channel, language, state,
                        next_attempt_at, created_at, day)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, UUID().uuidString.lowercased(), petitionID, notice.sequence, notice.kind.rawValue, staffID, channel.rawValue,
                    language, state.rawValue, at, at, day?.iso)
                written += 1
            }
        }
        return written
    }

    /// Who a notice reaches, by which channel, in which language, waiting for sending or for a
    /// digest. Staff only with an address for the channel, the actor never.
    private static func recipients(of notice: Notice, petitionID: Int, in db: any SQLConnection) async throws -> [(
        Int64?, NotificationChannel, String, NotificationState
    )] {
        let staff: [SQLRow]
        switch notice.audience {
        case .submitter:
            guard let row = try await db.first("SELECT notify_by, language FROM petitions WHERE id = ?", petitionID) else { return [] }
            let language = row.string("language") ?? Language.vi.rawValue
            return NotificationChannel.parse(row.string("notify_by") ?? "").sorted().map { (nil, $0, language, .pending) }
        case .agency(let code, let roles):
            let names = roles.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
            staff = try await db.query(
                "SELECT id, notify_by, digest, language, email, phone FROM staff WHERE agency_code = ? AND active = 1 AND role IN (\(names))",
                code)
        case .staff(let id):
            staff = try await db.query("SELECT id, notify_by, digest, language, email, phone FROM staff WHERE id = ? AND active = 1", id)
        }
        return staff.flatMap { row -> [(Int64?, NotificationChannel, String, NotificationState)] in
            guard let id = row.int("id").map(Int64.init), id != notice.except else { return [] }
            let digest = row.bool("digest")
            return NotificationChannel.parse(row.string("notify_by") ?? "").sorted().compactMap { channel in
                let address = row.string(channel == .email ? "email" : "phone") ?? ""
                guard !address.isEmpty else { return nil }
                return (id, channel, row.string("language") ?? "vi", digest ? .digest : .pending)
            }
        }
    }

    /// Takes up to `limit` notifications due now for `holder`, for `lease` seconds, addressed.
    /// Several workers (server instances on one PostgreSQL) never take the same one: PostgreSQL
    /// skips rows another transaction has locked; SQLite has one writer. First, a message left
    /// `sending` by a worker that died is marked `unconfirmed`, and one left `claimed` goes back
    /// to `pending` (no longer its holder's: that worker may not send it). An idle round only
    /// reads, by the index on (state, next_attempt_at): the worker asks every two seconds, and a
    /// write would queue behind the submissions.
    public func claimNotifications(holder: String, now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxItem] {
        let skipLocked = dialect == .postgresql ? " FOR UPDATE SKIP LOCKED" : ""
        let at = Timestamp.string(now)
        // One probe per state: an OR of them makes SQLite scan the whole table.
        let due = try await database.read { db in
            // The same conditions as the write below: due now, or a lease run out.
            for (state, clock) in [("pending", "next_attempt_at <="), ("claimed", "lease_until <"), ("sending", "lease_until <")] {
                if try await db.first("SELECT id FROM notifications WHERE state = ? AND \(clock) ? LIMIT 1", state, at) != nil {
                    return true
                }
            }
            return false
        }
        guard due else { return [] }
        return try await database.write { db in
            try await db.execute(
                "UPDATE notifications SET state = 'unconfirmed', last_error = ?, holder = NULL WHERE state = 'sending' AND lease_until < ?",
                "the worker stopped while sending: it may have gone out", at)
            try await db.execute(
                "UPDATE notifications SET state = 'pending', holder = NULL WHERE state = 'claimed' AND lease_until < ?", at)
            let ids = try await db.query(
                "SELECT id FROM notifications WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?\(skipLocked)",
                at, limit
            ).compactMap { $0.int("id").map(Int64.init) }
            guard !ids.isEmpty else { return [] }
            let list = ids.map(String.init).joined(separator: ", ")
            try await db.execute(
                "UPDATE notifications SET state = 'claimed', holder = ?, lease_until = ? WHERE id IN (\(list))", holder,
                Timestamp.string(now.addingTimeInterval(lease)))
            var items = try await self.outboxItems(where: "n.id IN (\(list))", in: db)
            for i in items.indices where items[i].kind == .digest {
                items[i].digested = try await self.outboxItems(where: "n.digest_id = \(items[i].id)", in: db)
            }
            return items
        }
    }

    /// Gathers each account's notifications waiting for its digest into one digest notification
    /// per channel, once a day: not for an account that had one since `dayStart`. Returns how
    /// many digests it made.
    @discardableResult
    public func foldDigests(now: Date, dayStart: Date) async throws -> Int {
        let waiting = try await database.read { db in
            try await db.first("SELECT 1 AS waiting FROM notifications WHERE state = 'digest' LIMIT 1") != nil
        }
        guard waiting else { return 0 }
        return try await database.write { db in
            var made = 0
            let waiting = try await db.query(
                "SELECT DISTINCT n.staff_id, n.channel, st.language FROM notifications n JOIN staff st ON st.id = n.staff_id WHERE n.state = 'digest'"
            )
            for row in waiting {
                guard let staff = row.int("staff_id"), let channel = row.string("channel") else { continue }
                let recent = try await db.first(
                    "SELECT id FROM notifications WHERE staff_id = ? AND channel = ? AND kind = 'digest' AND created_at >= ? LIMIT 1",
                    staff,
                    channel, Timestamp.string(dayStart))
                guard recent == nil else { continue }
                let at = Timestamp.string(now)
                guard
                    let id = try await db.first(
                        """
                        INSERT INTO notifications (message_id, kind, staff_id, channel, language, state, next_attempt_at, created_at)
                        VALUES (?, 'digest', ?, ?, ?, 'pending', ?, ?) RETURNING id
                        """, UUID().uuidString.lowercased(), staff, channel, row.string("language") ?? "vi", at, at)?.int("id")
                else { continue }
                try await db.execute(
                    "UPDATE notifications SET state = 'digested', digest_id = ? WHERE staff_id = ? AND channel = ? AND state = 'digest'",
                    id,
                    staff, channel)
                made += 1
            }
            return made
        }
    }

    /// The notifications matching `condition` (on `n`), addressed: the submitter's address
    /// unsealed, a staff account's as it is now.
    func outboxItems(where condition: String, in db: any SQLConnection) async throws -> [OutboxItem] {
        let rows = try await db.query(
            """
            SELECT n.id, n.message_id, n.kind, n.channel, n.language, n.attempts, n.staff_id, p.tracking_code, p.due_date,
                s.email AS s_email, s.phone AS s_phone, st.email AS st_email, st.phone AS st_phone, st.display_name,
                e.sequence, e.type, e.at, e.actor_kind, e.actor_id, e.agency_code, e.is_public, e.data
            FROM notifications n LEFT JOIN petitions p ON p.id = n.petition_id LEFT JOIN submitters s ON s.id = p.submitter_id
            LEFT JOIN staff st ON st.id = n.staff_id LEFT JOIN events e ON e.petition_id = n.petition_id AND e.sequence = n.sequence
            WHERE \(condition) ORDER BY n.id
            """)
        let needsKey = rows.contains { $0.int("staff_id") == nil }
        let key = needsKey ? try await dataKey(in: db, create: false) : nil
        return try rows.compactMap { row in
            guard let id = row.int("id"), let kind = Notice.Kind(rawValue: row.string("kind") ?? ""),
                let channel = NotificationChannel(rawValue: row.string("channel") ?? "")
            else { return nil }
            let forSubmitter = row.int("staff_id") == nil
            let column = channel == .email ? "email" : "phone"
            let address =
                forSubmitter ? try key?.open(row.string("s_" + column)) ?? "" : row.string("st_" + column) ?? ""
            let event = row.string("type") == nil ? nil : try? PetitionEvent(row: row)
            return OutboxItem(
                id: Int64(id), messageID: row.string("message_id") ?? "", kind: kind, channel: channel,
                language: Language(rawValue: row.string("language") ?? "") ?? .vi, attempts: row.int("attempts") ?? 0,
                trackingCode: row.string("tracking_code").flatMap(TrackingCode.init), address: address,
                staffName: forSubmitter ? nil : row.string("display_name"), staffID: row.int("staff_id").map(Int64.init),
                eventText: forSubmitter && event?.isPublic == true ? event?.text : nil, dueDate: row.string("due_date"))
        }
    }

    /// Just before a message is committed to the server: still ours? A worker whose lease ran out
    /// (another took the row) must not send it.
    public func markNotificationSending(_ id: Int64, holder: String, now: Date, lease: TimeInterval) async throws -> Bool {
        try await database.write { db in
            try await db.first(
                "UPDATE notifications SET state = 'sending', lease_until = ? WHERE id = ? AND holder = ? AND state = 'claimed' RETURNING id",
                Timestamp.string(now.addingTimeInterval(lease)), id, holder) != nil
        }
    }

    public func markNotificationSent(_ id: Int64, holder: String, now: Date) async throws {
        try await database.write { db in
            try await db.execute(
                """
                UPDATE notifications SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, holder = NULL,
                    lease_until = NULL
                WHERE id = ? AND holder = ?
                """, Timestamp.string(now), id, holder)
        }
    }

    /// A failed attempt: tried again at `retryAt`, or `failed` for good when nil.
    public func markNotificationFailed(_ id: Int64, holder: String, error: String, retryAt: Date?) async throws {
        try await database.write { db in
            try await db.execute(
                """
                UPDATE notifications SET state = ?, attempts = attempts + 1, next_attempt_at = COALESCE(?, next_attempt_at),
                    last_error = ?, holder = NULL, lease_until = NULL
                WHERE id = ? AND holder = ?
                """, retryAt == nil ? NotificationState.failed.rawValue : NotificationState.pending.rawValue,
                retryAt.map(Timestamp.string), String(error.prefix(500)), id, holder)
        }
    }

    /// An admin sends a failed or unconfirmed notification again (with its Message-ID, so that
    /// a mail client that got it already may recognise it). False if it was in neither state.
    public func retryNotification(_ id: Int64, now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.first(
                """
                UPDATE notifications SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL
                WHERE id = ? AND state IN (\(NotificationState.needingAttention)) RETURNING id
                """, Timestamp.string(now), id) != nil
        }
    }

    /// A case's notifications, oldest first, for the back office.
    public func notifications(of code: TrackingCode) async throws -> [NotificationRecord] {
        try await notificationRecords(where: "p.tracking_code = ?", [.text(code.description)], limit: 500)
    }

    /// The notifications that need an admin (failed or unconfirmed), newest first.
    public func notificationsNeedingAttention(limit: Int = 200) async throws -> [NotificationRecord] {
        try await notificationRecords(where: "n.state IN (\(NotificationState.needingAttention))", [], limit: limit, newestFirst: true)
    }

    /// How many notifications are in each state.
    public func notificationCounts() async throws -> [NotificationState: Int] {
        try await database.read { db in
            var counts: [NotificationState: Int] = [:]
            for row in try await db.query("SELECT state, COUNT(*) AS n FROM notifications GROUP BY state") {
                if let state = NotificationState(rawValue: row.string("state") ?? "") { counts[state] = row.int("n") ?? 0 }
            }
            return counts
        }
    }

    private func notificationRecords(where condition: String, _ arguments: [SQLValue], limit: Int, newestFirst: Bool = false)
        async throws -> [NotificationRecord]
    {
        try await database.read { db in
            try await db.query(
                """
                SELECT n.id, n.kind, n.channel, n.state, n.attempts, n.last_error, n.created_at, n.sent_at, st.display_name,
                    p.tracking_code
                FROM notifications n LEFT JOIN petitions p ON p.id = n.petition_id LEFT JOIN staff st ON st.id = n.staff_id
                WHERE \(condition) ORDER BY n.id \(newestFirst ? "DESC" : "") LIMIT \(limit)
                """, arguments
            ).compactMap { row in
                guard let id = row.int("id"), let state = NotificationState(rawValue: row.string("state") ?? ""),
                    let created = Timestamp.date(row.string("created_at") ?? "")
                else { return nil }
                return NotificationRecord(
                    id: Int64(id), kind: row.string("kind") ?? "", channel: row.string("channel") ?? "", state: state,
                    attempts: row.int("attempts") ?? 0, lastError: row.string("last_error"), createdAt: created,
                    sentAt: row.string("sent_at").flatMap(Timestamp.date), staffName: row.string("display_name"),
                    trackingCode: row.string("tracking_code"))
            }
        }
    }
}

/// How a staff account wants to be told (issue 14 §5): its work addresses, the channels, and
/// whether its notifications come one by one or in a daily digest.
public struct NotificationPreferences: Sendable, Hashable {
    public var email: String
    public var phone: String
    public var channels: Set<NotificationChannel>
    public var digest: Bool
    public var language: Language

    public init(email: String, phone: String, channels: Set<NotificationChannel>, digest: Bool, language: Language) {
        self.email = email
        self.phone = phone
        self.channels = channels
        self.digest = digest
        self.language = language
    }
}

extension Store {
    public func notificationPreferences(staffID: Int64) async throws -> NotificationPreferences? {
        try await database.read { db in
            try await db.first("SELECT email, phone, notify_by, digest, language FROM staff WHERE id = ?", staffID).map { row in
                NotificationPreferences(
                    email: row.string("email") ?? "", phone: row.string("phone") ?? "",
                    channels: NotificationChannel.parse(row.string("notify_by") ?? ""), digest: row.bool("digest"),
                    language: Language(rawValue: row.string("language") ?? "") ?? .vi)
            }
        }
    }

    public func setNotificationPreferences(staffID: Int64, _ preferences: NotificationPreferences) async throws {
        try await database.write { db in
            try await db.execute(
                "UPDATE staff SET email = ?, phone = ?, notify_by = ?, digest = ?, language = ? WHERE id = ?", preferences.email,
                preferences.phone, NotificationChannel.stored(preferences.channels), preferences.digest, preferences.language.rawValue,
                staffID)
        }
    }
}

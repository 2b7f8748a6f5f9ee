import Foundation
import LangNgheCore

extension Store {
    /// Stores a new petition, its submitter, attachments and `submitted` event in one
    /// transaction, and gives it the next tracking code of its year (Vietnam time).
    ///
    /// This is the whole write path of a submission, kept in one place so that group commit
    /// (the roadmap's batching of concurrent submissions) can be added here.
    public func submit(_ intake: Intake) async throws -> TrackingCode {
        let prepared = try PreparedCase(intake: intake, history: [])
        try await putAttachments([intake])
        return try await database.write { db in try await self.insert(prepared, notify: true, in: db) }
    }

    /// The files' bytes, durable before the transaction that names them (`AttachmentContents`).
    private func putAttachments(_ intakes: [Intake]) async throws {
        try await attachmentContents.put(intakes.flatMap { $0.attachments.map { ($0.sha256, $0.content) } }, at: Date())
    }

    /// The bulk path (the demo seeder's): many petitions, each with its history of events
    /// already checked, in one transaction, each case's read models written once.
    @discardableResult
    public func load(_ cases: [(intake: Intake, history: [PetitionEvent])]) async throws -> [TrackingCode] {
        try await load(cases.map { try PreparedCase(intake: $0.intake, history: $0.history) })
    }

    /// The same, with the work that needs no database done beforehand, so that a loader can do
    /// it while the previous batch is written.
    @discardableResult
    public func load(_ cases: [PreparedCase]) async throws -> [TrackingCode] {
        try await putAttachments(cases.map(\.intake))
        return try await database.write { db in
            var codes: [TrackingCode] = []
            codes.reserveCapacity(cases.count)
            for c in cases { codes.append(try await self.insert(c, in: db)) }
            return codes
        }
    }

    /// `notify`: the submitter is told of the receipt (not for a bulk load of past cases).
    private func insert(_ prepared: PreparedCase, notify: Bool = false, in db: any SQLConnection) async throws -> TrackingCode {
        let intake = prepared.intake
        let year = Self.vietnamYear(intake.receivedAt)
        guard let number = try await Self.nextTrackingNumber(year: year, dialect: dialect, in: db) else { throw StoreError.notFound }
        let code = TrackingCode(year: year, number: number)
        let p = intake.petition
        let s = p.submitter
        // Sealed before it is written: the database and its log never hold these in clear.
        let key = try await dataKey(in: db, create: true)
        let submitterID = try await db.first(
            """
            INSERT INTO submitters (kind, name, address, phone, email, organization_name, tax_code)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, s.kind.rawValue, try key.seal(s.name), try key.seal(s.address), try key.seal(s.phone), try key.seal(s.email),
            try key.seal(s.organizationName), try key.seal(s.taxCode))?.int("id")
        let at = Timestamp.string(intake.receivedAt)
        guard let submitterID,
            let petitionID = try await db.first(
                """
                INSERT INTO petitions (tracking_code, submitter_id, access_key_hash, channel, category, field_code,
                    agency_code, title, content, search_text, publish_name, received_at, status, updated_at, notify_by, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, code.description, submitterID, intake.accessKeyHash, intake.channel.rawValue,
                p.category.rawValue, p.fieldCode, p.agencyCode, p.title, p.content,
                prepared.searchText, p.publishName, at,
                PetitionStatus.received.rawValue, at, NotificationChannel.stored(p.notifyBy), intake.language.rawValue)?.int("id")
        else { throw StoreError.notFound }
        for (position, file) in intake.attachments.enumerated() {
            try await db.execute(
                """
                INSERT INTO attachments (petition_id, position, file_name, media_type, size, sha256)
                VALUES (?, ?, ?, ?, ?, ?)
                """, petitionID, position, file.fileName, file.type.mediaType, file.content.count, file.sha256)
        }
        try await Self.insert(
            Array(zip(prepared.log, prepared.eventData)), code: code, petitionID: Int64(petitionID), dialect: self.dialect, in: db)
        try await Self.indexCase(
            petitionID: petitionID, bands: prepared.bands, submitterKeys: try await submitterKeys(phone: s.phone, email: s.email, in: db),
            in: db)
        if let key = intake.idempotency {
            // A second request with the same key racing this one fails here, on the primary key.
            try await db.execute(
                "INSERT INTO idempotency_keys (key_hash, request_hash, tracking_code, sealed_receipt, created_at) VALUES (?, ?, ?, ?, ?)",
                key.keyHash, key.requestHash, code.description, key.sealedReceipt, at)
        }
        try await project(
            petitionID: petitionID, state: prepared.state, log: prepared.log, fresh: true, document: prepared.document, in: db)
        if notify {
            try await Self.recordNotices(
                NoticeRules.notices(for: prepared.log, after: prepared.state), petitionID: petitionID, now: intake.receivedAt, in: db)
        }
        return code
    }

    /// The submission an `Idempotency-Key` (by its hash) was used for, if any.
    public func idempotencyRecord(keyHash: String) async throws -> IdempotencyRecord? {
        try await database.read { db in
            try await db.first("SELECT request_hash, sealed_receipt, tracking_code FROM idempotency_keys WHERE key_hash = ?", keyHash).map {
                row in
                IdempotencyRecord(
                    keyHash: keyHash, requestHash: row.string("request_hash") ?? "", sealedReceipt: row.string("sealed_receipt") ?? "",
                    trackingCode: TrackingCode(row.string("tracking_code") ?? ""))
            }
        }
    }

    /// The petition with this tracking code and its whole case, or nil.
    public func petition(_ code: TrackingCode) async throws -> PetitionRecord? {
        try await database.read { db in
            guard
                let row = try await db.first(
                    """
                    SELECT p.*, s.kind AS s_kind, s.name AS s_name, s.address AS s_address, s.phone AS s_phone,
                        s.email AS s_email, s.organization_name AS s_organization_name, s.tax_code AS s_tax_code
                    FROM petitions p JOIN submitters s ON s.id = p.submitter_id WHERE p.tracking_code = ?
                    """, code.description), let id = row.int("id")
            else { return nil }
            let attachments = try await db.query(
                """
                SELECT id, position, file_name, media_type, size, sha256 FROM attachments
                WHERE petition_id = ? ORDER BY position
                """, id
            ).map { a in
                AttachmentInfo(
                    id: Int64(a.int("id") ?? 0), position: a.int("position") ?? 0, fileName: a.string("file_name") ?? "",
                    mediaType: a.string("media_type") ?? "", size: a.int("size") ?? 0, sha256: a.string("sha256") ?? "")
            }
            let events = try await Self.events(petitionID: Int64(id), in: db)
            return try PetitionRecord(
                row: row, code: code, attachments: attachments, events: events, key: try await self.dataKey(in: db, create: false))
        }
    }

    /// The bytes of one attachment of one petition; none once the submitter's data is erased.
    public func attachmentContent(_ code: TrackingCode, attachmentID: Int64) async throws -> (AttachmentInfo, [UInt8])? {
        let found = try await database.read { db in
            try await db.first(
                """
                SELECT a.*, s.erased_at FROM attachments a JOIN petitions p ON p.id = a.petition_id
                JOIN submitters s ON s.id = p.submitter_id
                WHERE p.tracking_code = ? AND a.id = ?
                """, code.description, attachmentID)
        }
        guard let a = found else { return nil }
        let info = AttachmentInfo(
            id: attachmentID, position: a.int("position") ?? 0, fileName: a.string("file_name") ?? "",
            mediaType: a.string("media_type") ?? "", size: a.int("size") ?? 0, sha256: a.string("sha256") ?? "")
        if a.string("erased_at") != nil { return (info, []) }
        guard let bytes = try await attachmentContents.content(sha256: info.sha256) else {
            throw StoreError.unreadable("attachment \(attachmentID) of \(code)")
        }
        return (info, bytes)
    }

    /// How many petitions are stored.
    public func petitionCount() async throws -> Int {
        try await database.read { db in try await db.first("SELECT COUNT(*) AS n FROM petitions")?.int("n") ?? 0 }
    }

    /// The year's next tracking number: PostgreSQL's sequence for the year, which concurrent
    /// submissions take without waiting for each other; otherwise the year's counter row.
    static func nextTrackingNumber(year: Int, dialect: SQLDialect, in db: any SQLConnection) async throws -> Int? {
        if dialect == .postgresql, Schema.trackingSequenceYears.contains(year) {
            return try await db.first("SELECT nextval('tracking_\(year)') AS value")?.int("value")
        }
        return try await db.first(
            """
            INSERT INTO counters (name, value) VALUES (?, 1)
            ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value
            """, "tracking-\(year)")?.int("value")
    }

    /// The year of a tracking code: the year of receipt in Vietnam.
    public static func vietnamYear(_ date: Date) -> Int {
        Int(Timestamp.string(date.addingTimeInterval(7 * 3600)).prefix(4)) ?? 0
    }
}

extension PetitionRecord {
    init(row: SQLRow, code: TrackingCode, attachments: [AttachmentInfo], events: [PetitionEvent], key: DataKey) throws {
        self.init(
            id: Int64(row.int("id") ?? 0), trackingCode: code, title: row.string("title") ?? "",
            content: row.string("content") ?? "",
            category: PetitionCategory(rawValue: row.string("category") ?? "") ?? .proposal,
            fieldCode: row.string("field_code"), agencyCode: row.string("agency_code"),
            leadAgencyCode: row.string("lead_agency_code"),
            status: PetitionStatus(rawValue: row.string("status") ?? "") ?? .received,
            channel: Channel(rawValue: row.string("channel") ?? "") ?? .web,
            publishName: row.bool("publish_name"),
            receivedAt: Timestamp.date(row.string("received_at") ?? "") ?? .distantPast,
            accessKeyHash: row.string("access_key_hash") ?? "",
            submitter: Submitter(
                kind: Submitter.Kind(rawValue: row.string("s_kind") ?? "") ?? .individual,
                name: try key.open(row.string("s_name") ?? ""), address: try key.open(row.string("s_address") ?? ""),
                phone: try key.open(row.string("s_phone") ?? ""), email: try key.open(row.string("s_email") ?? ""),
                organizationName: try key.open(row.string("s_organization_name")), taxCode: try key.open(row.string("s_tax_code"))),
            attachments: attachments, events: events)
    }
}

/// A new case's work that needs no database: its events numbered and in canonical form, its
/// state, the folded text of its petition and, if its answer is published, its search document.
extension Store {
    /// The last tracking number given in each year, for a loader that must know codes before it
    /// writes (the demo signs its answers, and a signed answer names its code).
    public func lastTrackingNumbers() async throws -> [Int: Int] {
        try await database.read { db in
            var numbers: [Int: Int] = [:]
            for row in try await db.query("SELECT name, value FROM counters WHERE name LIKE 'tracking-%'") {
                if let year = Int((row.string("name") ?? "").dropFirst("tracking-".count)), let value = row.int("value") {
                    numbers[year] = value
                }
            }
            if self.dialect == .postgresql {
                let rows = try await db.query(
                    """
                    SELECT sequencename, last_value FROM pg_sequences
                    WHERE schemaname = current_schema() AND sequencename LIKE 'tracking_%' AND last_value IS NOT NULL
                    """)
                for row in rows {
                    if let year = Int((row.string("sequencename") ?? "").dropFirst("tracking_".count)), let value = row.int("last_value") {
                        numbers[year] = value
                    }
                }
            }
            return numbers
        }
    }
}

public struct PreparedCase: Sendable {
    let intake: Intake
    let log: [PetitionEvent]
    let eventData: [String]
    let state: CaseState
    let searchText: String
    /// The case's bands in the similarity index (`MinHash`), made before the write.
    let bands: [Int64]
    let document: SearchDocument?

    public init(intake: Intake, history: [PetitionEvent]) throws {
        self.intake = intake
        var log = [
            PetitionEvent(
                sequence: 1, at: intake.receivedAt, actor: intake.actor, agencyCode: intake.actorAgencyCode,
                body: Submitted(channel: intake.channel))
        ]
        for var event in history {
            event.sequence = log.count + 1
            log.append(event)
        }
        self.log = log
        eventData = try log.map { try $0.canonicalData().text }
        let state = CaseState(events: log)
        self.state = state
        let petition = intake.petition
        searchText = VietnameseText.folded(petition.title + " " + petition.content)
        bands = MinHash(TermBag(folded: searchText)).bandKeys
        document = log.last(where: { $0.type == .answerPublished }).map { published in
            SearchDocument(
                title: state.publicTitle ?? petition.title, content: state.publicContent ?? petition.content, answer: published.text)
        }
    }
}

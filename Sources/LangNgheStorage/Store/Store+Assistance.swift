import Foundation
import LangNgheCore

/// A stored case that may be like the one looked up: what the assistant compares and shows.
public struct CaseCandidate: Sendable {
    public let code: TrackingCode
    public let title: String
    /// The case's folded title and content (`search_text`): compared, never shown.
    public let folded: String
    public let status: PetitionStatus
    public let receivedAt: Date
    /// Filed by the same phone or e-mail (by keyed hash).
    public let sameSubmitter: Bool
    /// The case has an answer: published, or sent while it waits for publication.
    public let answered: Bool
}

/// A published answer that may answer a question: masked text only.
public struct AnswerCandidate: Sendable {
    public let code: TrackingCode
    public let agencyCode: String
    public let title: String
    public let content: String
    public let answer: String
}

/// What the assistant needs of a stored case to look for its likes.
public struct SimilarityProbe: Sendable {
    public let petitionID: Int
    public let folded: String
    public let submitterKeys: [String]
}

extension Store {
    /// How many petitions each band contributes, newest first. A band that thousands of
    /// petitions share (a form letter) would otherwise make one lookup read thousands of rows;
    /// the newest are the likeliest duplicates and the others are still found by their other bands.
    static let bandReach = 40
    /// How many candidates, those sharing the most bands first, are compared word by word.
    public static let candidateLimit = 100

    /// The keys of a submitter's phone and e-mail (`DataKey.matchKey`), for `submitter_keys`.
    func submitterKeys(phone: String, email: String, in db: any SQLConnection) async throws -> [String] {
        let phone = PetitionDraft.canonicalPhone(phone)
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard !phone.isEmpty || !email.isEmpty else { return [] }
        let key = try await dataKey(in: db, create: true)
        return [phone.isEmpty ? nil : "p:" + phone, email.isEmpty ? nil : "e:" + email].compactMap { $0.map(key.matchKey) }
    }

    /// Puts a new case in the similarity index: its bands and its submitter's keys.
    static func indexCase(petitionID: Int, bands: [Int64], submitterKeys: [String], in db: any SQLConnection) async throws {
        try await insertBands(bands, petitionID: petitionID, into: "case_bands", in: db)
        for key in Set(submitterKeys) {
            try await db.execute("INSERT INTO submitter_keys (key, petition_id) VALUES (?, ?)", key, petitionID)
        }
    }

    /// Indexes a published answer by its masked question, replacing what it had.
    static func indexAnswer(petitionID: Int, title: String, content: String, fresh: Bool, in db: any SQLConnection) async throws {
        if !fresh { try await db.execute("DELETE FROM answer_bands WHERE petition_id = ?", petitionID) }
        try await insertBands(MinHash(TermBag(text: title + " " + content)).bandKeys, petitionID: petitionID, into: "answer_bands", in: db)
    }

    /// One statement for all of a petition's bands: twenty statements were a third of the cost
    /// of a submission's write.
    private static func insertBands(_ bands: [Int64], petitionID: Int, into table: String, in db: any SQLConnection) async throws {
        let distinct = Array(Set(bands))
        guard !distinct.isEmpty else { return }
        try await db.execute(
            "INSERT INTO \(table) (band, petition_id) VALUES " + Array(repeating: "(?, ?)", count: distinct.count).joined(separator: ", "),
            distinct.flatMap { [SQLValue.int($0), .int(Int64(petitionID))] })
    }

    /// The case of this code as the assistant reads it.
    public func similarityProbe(_ code: TrackingCode) async throws -> SimilarityProbe? {
        try await database.read { db in
            guard let row = try await db.first("SELECT id, search_text FROM petitions WHERE tracking_code = ?", code.description),
                let id = row.int("id")
            else { return nil }
            let keys = try await db.query("SELECT key FROM submitter_keys WHERE petition_id = ?", id).compactMap { $0.string("key") }
            return SimilarityProbe(petitionID: id, folded: row.string("search_text") ?? "", submitterKeys: keys)
        }
    }

    /// Cases sharing bands with `bands` (those sharing most first) and, whatever their words, the
    /// newest cases of the same submitter; never the case `excluding` itself.
    ///
    /// `visibleTo`: nil for those who see every case (coordinators); an agency's code for its
    /// staff, who see its own cases and those published.
    public func caseCandidates(bands: [Int64], submitterKeys: [String], excluding: Int?, visibleTo agency: String? = nil) async throws
        -> [CaseCandidate]
    {
        try await database.read { db in
            var hits = try await Self.bandHits(bands, in: "case_bands", db)
            var same: Set<Int> = []
            if !submitterKeys.isEmpty {
                let rows = try await db.query(
                    "SELECT petition_id FROM submitter_keys WHERE key IN (\(Self.placeholders(submitterKeys.count))) ORDER BY petition_id DESC LIMIT ?",
                    submitterKeys.map { .text($0) } + [.int(Int64(Self.candidateLimit))])
                same = Set(rows.compactMap { $0.int("petition_id") })
            }
            if let excluding {
                hits[excluding] = nil
                same.remove(excluding)
            }
            let chosen = Self.mostShared(hits, limit: Self.candidateLimit)
            let ids = Array(Set(chosen).union(same))
            guard !ids.isEmpty else { return [] }
            let rows = try await db.query(
                """
                SELECT id, tracking_code, title, search_text, status, received_at, published FROM petitions p
                WHERE id IN (\(Self.placeholders(ids.count)))\(agency == nil ? "" : Self.visibleToAgency)
                """, ids.map { .int(Int64($0)) } + (agency.map { [.text($0)] } ?? []))
            return rows.compactMap { row in
                guard let id = row.int("id"), let code = TrackingCode(row.string("tracking_code") ?? ""),
                    let status = PetitionStatus(rawValue: row.string("status") ?? "")
                else { return nil }
                return CaseCandidate(
                    code: code, title: row.string("title") ?? "", folded: row.string("search_text") ?? "", status: status,
                    receivedAt: Timestamp.date(row.string("received_at") ?? "") ?? .distantPast, sameSubmitter: same.contains(id),
                    answered: row.bool("published") || status == .answered)
            }
        }
    }

    /// Published answers whose masked questions share bands with `bands`, those sharing most first.
    public func answerCandidates(bands: [Int64], limit: Int = candidateLimit) async throws -> [AnswerCandidate] {
        try await database.read { db in
            let hits = try await Self.bandHits(bands, in: "answer_bands", db)
            let ids = Self.mostShared(hits, limit: limit)
            guard !ids.isEmpty else { return [] }
            let rows = try await db.query(
                """
                SELECT tracking_code, agency_code, title, content, answer FROM published_answers
                WHERE petition_id IN (\(Self.placeholders(ids.count)))
                """, ids.map { .int(Int64($0)) })
            return rows.compactMap { row in
                guard let code = TrackingCode(row.string("tracking_code") ?? "") else { return nil }
                return AnswerCandidate(
                    code: code, agencyCode: row.string("agency_code") ?? "", title: row.string("title") ?? "",
                    content: row.string("content") ?? "", answer: row.string("answer") ?? "")
            }
        }
    }

    private static let visibleToAgency = """
         AND (p.published <> 0 OR EXISTS (SELECT 1 FROM petition_agencies pa WHERE pa.petition_id = p.id AND pa.agency_code = ?))
        """

    /// How many of `bands` each petition shares, reading at most `bandReach` petitions per band.
    private static func bandHits(_ bands: [Int64], in table: String, _ db: any SQLConnection) async throws -> [Int: Int] {
        var hits: [Int: Int] = [:]
        for band in Set(bands) {
            for row in try await db.query(
                "SELECT petition_id FROM \(table) WHERE band = ? ORDER BY petition_id DESC LIMIT ?", [.int(band), .int(Int64(bandReach))])
            {
                if let id = row.int("petition_id") { hits[id, default: 0] += 1 }
            }
        }
        return hits
    }

    /// The petitions sharing most bands, the newest first among equals.
    private static func mostShared(_ hits: [Int: Int], limit: Int) -> [Int] {
        hits.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key > $1.key) }.prefix(limit).map(\.key)
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

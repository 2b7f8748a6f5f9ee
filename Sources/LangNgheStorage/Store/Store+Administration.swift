import Foundation
import LangNgheCore

/// What admins change in the reference data: agencies are renamed, deactivated and merged as
/// provinces and ministries are reorganised; fields are renamed, retired and added.
extension Store {
    public func renameAgency(_ code: String, nameVi: String, nameEn: String) async throws {
        try await database.write { db in
            guard try await db.first("SELECT code FROM agencies WHERE code = ?", code) != nil else { throw StoreError.notFound }
            try await db.execute("UPDATE agencies SET name_vi = ?, name_en = ? WHERE code = ?", nameVi, nameEn, code)
        }
    }

    public func setAgencyActive(_ code: String, active: Bool) async throws {
        try await database.write { db in
            guard try await db.first("SELECT code FROM agencies WHERE code = ?", code) != nil else { throw StoreError.notFound }
            try await db.execute("UPDATE agencies SET active = ? WHERE code = ?", active, code)
        }
    }

    /// Merges agency `from` into `into`: `from` is deactivated and remembered as merged, and
    /// every open case it leads is re-assigned to `into` by a system `assigned` event, so the
    /// move stays in each case's history. Returns the cases moved.
    @discardableResult
    public func mergeAgency(_ from: String, into: String, at date: Date) async throws -> [TrackingCode] {
        let codes: [TrackingCode] = try await database.write { db in
            guard from != into,
                try await db.first("SELECT code FROM agencies WHERE code = ?", from) != nil,
                try await db.first("SELECT code FROM agencies WHERE code = ? AND active = 1", into) != nil
            else { throw StoreError.notFound }
            try await db.execute("UPDATE agencies SET active = 0, merged_into = ? WHERE code = ?", into, from)
            return try await db.query(
                "SELECT tracking_code FROM petitions WHERE lead_agency_code = ? AND status NOT IN ('closed', 'rejected') ORDER BY id", from
            ).compactMap { TrackingCode($0.string("tracking_code") ?? "") }
        }
        for code in codes {
            _ = try await append(to: code) { state in
                let coordinating = state.coordinatingAgencies.filter { $0 != from && $0 != into }
                return [
                    PetitionEvent(
                        sequence: 0, at: date, actor: .system, agencyCode: Agency.governmentOfficeCode,
                        body: Assigned(leadAgency: into, coordinatingAgencies: coordinating, mergedFrom: from))
                ]
            }
        }
        return codes
    }

    public func updateField(_ code: String, nameVi: String, nameEn: String, active: Bool) async throws {
        try await database.write { db in
            guard try await db.first("SELECT code FROM fields WHERE code = ?", code) != nil else { throw StoreError.notFound }
            try await db.execute("UPDATE fields SET name_vi = ?, name_en = ?, active = ? WHERE code = ?", nameVi, nameEn, active, code)
        }
    }

    public func addField(_ field: Field) async throws {
        try await database.write { db in
            if try await db.first("SELECT code FROM fields WHERE code = ?", field.code) != nil {
                throw StoreError.alreadyExists(field.code)
            }
            let position = try await db.first("SELECT COUNT(*) AS n FROM fields")?.int("n") ?? 0
            try await db.execute(
                "INSERT INTO fields (code, name_vi, name_en, active, position) VALUES (?, ?, ?, 1, ?)",
                field.code, field.nameVi, field.nameEn, position)
            for category in field.categories {
                try await db.execute(
                    "INSERT INTO field_categories (field_code, category_code) VALUES (?, ?)", field.code, category.rawValue)
            }
        }
    }
}

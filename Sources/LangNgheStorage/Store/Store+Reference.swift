import Foundation
import LangNgheCore

extension Store {
    /// Loads the reference data if the database has an older version (or none). Idempotent.
    /// Returns whether anything was loaded.
    @discardableResult
    public func loadReferenceData(_ data: ReferenceData) async throws -> Bool {
        try await database.write { db -> Bool in
            let current = try await db.first("SELECT version FROM reference_versions WHERE name = 'reference'")?.int("version")
            if let current, current >= data.version { return false }
            for (position, agency) in data.agencies.enumerated() {
                try await db.execute(
                    """
                    INSERT INTO agencies (code, name_vi, name_en, kind, active, position) VALUES (?, ?, ?, ?, 1, ?)
                    ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
                        kind = excluded.kind, position = excluded.position
                    """, agency.code, agency.nameVi, agency.nameEn, agency.kind.rawValue, position)
            }
            for (position, category) in data.categories.enumerated() {
                try await db.execute(
                    """
                    INSERT INTO categories (code, name_vi, name_en, description_vi, description_en, position)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
                        description_vi = excluded.description_vi, description_en = excluded.description_en,
                        position = excluded.position
                    """, category.code.rawValue, category.nameVi, category.nameEn,
                    category.descriptionVi, category.descriptionEn, position)
            }
            for (position, field) in data.fields.enumerated() {
                try await db.execute(
                    """
                    INSERT INTO fields (code, name_vi, name_en, active, position) VALUES (?, ?, ?, 1, ?)
                    ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
                        position = excluded.position
                    """, field.code, field.nameVi, field.nameEn, position)
                try await db.execute("DELETE FROM field_categories WHERE field_code = ?", field.code)
                for category in field.categories {
                    try await db.execute(
                        "INSERT INTO field_categories (field_code, category_code) VALUES (?, ?)",
                        field.code, category.rawValue)
                }
            }
            try await db.execute(
                """
                INSERT INTO reference_versions (name, version, loaded_at) VALUES ('reference', ?, ?)
                ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at
                """, data.version, Timestamp.string(Date()))
            return true
        }
    }

    /// Every agency, VPCP first, in the reference order.
    public func agencies() async throws -> [Agency] {
        try await database.read { db in
            try await db.query("SELECT code, name_vi, name_en, kind, active FROM agencies ORDER BY position, code")
                .map { row in
                    Agency(
                        code: row.string("code") ?? "", nameVi: row.string("name_vi") ?? "",
                        nameEn: row.string("name_en") ?? "",
                        kind: Agency.Kind(rawValue: row.string("kind") ?? "") ?? .governmentAgency,
                        active: row.bool("active"))
                }
        }
    }

    public func categories() async throws -> [CategoryInfo] {
        try await database.read { db in
            try await db.query(
                "SELECT code, name_vi, name_en, description_vi, description_en FROM categories ORDER BY position"
            ).compactMap { row in
                guard let code = PetitionCategory(rawValue: row.string("code") ?? "") else { return nil }
                return CategoryInfo(
                    code: code, nameVi: row.string("name_vi") ?? "", nameEn: row.string("name_en") ?? "",
                    descriptionVi: row.string("description_vi") ?? "", descriptionEn: row.string("description_en") ?? "")
            }
        }
    }

    public func fields() async throws -> [Field] {
        try await database.read { db in
            let links = try await db.query("SELECT field_code, category_code FROM field_categories")
            var categories: [String: [PetitionCategory]] = [:]
            for link in links {
                if let field = link.string("field_code"), let category = PetitionCategory(rawValue: link.string("category_code") ?? "") {
                    categories[field, default: []].append(category)
                }
            }
            return try await db.query("SELECT code, name_vi, name_en, active FROM fields ORDER BY position, code").map { row in
                let code = row.string("code") ?? ""
                let order = PetitionCategory.allCases
                return Field(
                    code: code, nameVi: row.string("name_vi") ?? "", nameEn: row.string("name_en") ?? "",
                    categories: (categories[code] ?? []).sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! },
                    active: row.bool("active"))
            }
        }
    }
}

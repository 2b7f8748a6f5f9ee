import Foundation
import LangNgheCore

/// Agencies, categories and fields as shipped in `ReferenceData/reference.json`, versioned: a
/// database is (re)loaded only when the file's version is newer than the one it has, so that
/// what admins change afterwards (a renamed agency, a retired field) is not overwritten.
public struct ReferenceData: Sendable, Decodable {
    public var version: Int
    public var agencies: [AgencyEntry]
    public var categories: [CategoryInfo]
    public var fields: [FieldEntry]

    public struct AgencyEntry: Sendable, Decodable {
        public var code: String
        public var nameVi: String
        public var nameEn: String
        public var kind: Agency.Kind
    }

    public struct FieldEntry: Sendable, Decodable {
        public var code: String
        public var nameVi: String
        public var nameEn: String
        public var categories: [PetitionCategory]
    }

    /// The file shipped with this build.
    public static func bundled() throws -> ReferenceData {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "ReferenceData") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(ReferenceData.self, from: Data(contentsOf: url))
    }
}

/// The other data files shipped beside `reference.json`.
public enum ShippedData {
    /// The official calendars (Tết and swapped days) as overrides, and a digest of the file
    /// that changes whenever it does.
    public static func calendarOverrides() throws -> (overrides: [CalendarOverride], version: Int) {
        let data = try file("calendar-overrides")
        return (try JSONDecoder().decode([CalendarOverride].self, from: data), digest(data))
    }

    /// The deadline policies (DOMAIN.md §2) as data.
    public static func deadlinePolicies() throws -> [DeadlinePolicy] {
        try JSONDecoder().decode([DeadlinePolicy].self, from: file("deadline-policies"))
    }

    /// The retention policy shipped with the release.
    public static func retentionPolicy() throws -> RetentionPolicy {
        try JSONDecoder().decode(RetentionPolicy.self, from: file("retention-policy"))
    }

    static func file(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "ReferenceData") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    /// FNV-1a, kept to 62 bits so it fits a signed BIGINT in both databases.
    static func digest(_ data: Data) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash & 0x3FFF_FFFF_FFFF_FFFF)
    }
}

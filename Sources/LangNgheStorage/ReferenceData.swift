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

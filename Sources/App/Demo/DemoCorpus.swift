import Foundation
import LangNgheCore

/// The material demo petitions are made from (`Resources/Demo/demo-corpus.json`): name parts,
/// places, and petition templates per field and category with `{placeholders}`.
struct DemoCorpus: Decodable {
    struct Template: Decodable {
        var field: String
        var category: PetitionCategory
        var agencyKinds: [Agency.Kind]?
        var agencyCodes: [String]?
        var title: String
        var content: String
        var answer: String
    }

    var familyNames: [String]
    var middleNames: [String]
    var givenNames: [String]
    var streets: [String]
    var wards: [String]
    var companyPrefixes: [String]
    var companyNames: [String]
    var templates: [Template]

    static func bundled() throws -> DemoCorpus {
        try JSONDecoder().decode(DemoCorpus.self, from: AppResources.data("Demo/demo-corpus.json"))
    }
}

/// A small, fast generator with a fixed sequence for a given seed (SplitMix64), so that
/// `seed demo --seed S` always makes the same data.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

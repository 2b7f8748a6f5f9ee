import Foundation
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

@Suite struct CatalogueTests {
    @Test func numbersAreGroupedAsEachLanguageWritesThem() {
        #expect(NumberText.grouped(42_000, .vi) == "42.000")
        #expect(NumberText.grouped(1_234_567, .en) == "1,234,567")
        #expect(NumberText.grouped(999, .vi) == "999")
        #expect(NumberText.grouped(-1_000, .en) == "-1,000")
        #expect(NumberText.grouped(0, .vi) == "0")
        #expect(NumberText.percent(0.766, .vi) == "76,6 %")
        #expect(NumberText.percent(0.766, .en) == "76.6 %")
        #expect(NumberText.decimal(1234.56, .vi) == "1.234,6")
        #expect(NumberText.decimal(-0.25, .en) == "-0.2" || NumberText.decimal(-0.25, .en) == "-0.3")
    }

    @Test func bothLanguagesHaveTheSameKeys() throws {
        let catalogue = try Catalogue.bundled()
        #expect(Set(catalogue.table(.vi).keys) == Set(catalogue.table(.en).keys))
    }

    /// Every `{{t.key}}` a template uses exists, and so does every key the code builds.
    @Test func everyKeyInUseExists() throws {
        let catalogue = try Catalogue.bundled()
        let keys = Set(catalogue.table(.vi).keys)
        let folder = AppResources.path("Templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([A-Za-z0-9_]+)\}\}/) {
                #expect(keys.contains(String(match.output.1)), "\(file) uses missing key \(match.output.1)")
            }
        }
        // Keys the code builds from a value, family by family: each value of each family.
        var built =
            EventType.allCases.map { "event_" + $0.rawValue } + PetitionStatus.allCases.map { "status_" + $0.rawValue }
            + PetitionCategory.allCases.map { "category_" + $0.rawValue } + Agency.Kind.allCases.map { "agency_kind_" + $0.rawValue }
        built += NamingReason.allCases.map { "naming_" + $0.rawValue } + StaffRole.allCases.map { "role_" + $0.rawValue }
        built += Channel.allCases.map { "channel_" + $0.rawValue } + (1...7).map { "weekday_\($0)" }
        built += ["weekend", "holiday", "compensatory", "override"].map { "dayoff_" + $0 }
        // Every action a case page can offer: its label, its hint and its fields' labels.
        // (All but the erasure, which the retention job records, not a person.)
        for type in EventType.allCases where type != .personalDataErased {
            built += ["action_" + type.rawValue, "action_hint_" + type.rawValue] + type.body.form.map { "field_" + $0.name }
        }
        for key in built { #expect(keys.contains(key), "missing \(key)") }
    }

    /// Every template a page names exists: a missing one would be a 500, not an empty page.
    @Test func everyTemplateInUseExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/App")
        let folder = AppResources.path("Templates")
        var named = 0
        for case let file as String in FileManager.default.enumerator(atPath: sources.path) ?? FileManager.DirectoryEnumerator()
        where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /\.page\(\s*"([a-z0-9-]+)"/) {
                named += 1
                #expect(
                    FileManager.default.fileExists(atPath: folder + "/" + match.output.1 + ".mustache"),
                    "\(file) renders missing \(match.output.1)")
            }
        }
        #expect(named > 10)
    }

    @Test func everyFieldErrorHasAMessage() throws {
        let catalogue = try Catalogue.bundled()
        let problems: [FieldError.Problem] = [
            .required, .tooLong(max: 5), .tooShort(min: 5), .invalidCharacters, .invalidChoice, .invalidPhone, .invalidEmail,
            .invalidTaxCode, .unknownField, .fieldNotForCategory, .unknownAgency, .tooManyFiles(max: 5),
            .fileTooLarge(maxBytes: 10_485_760), .fileTypeNotAllowed, .fileEmpty, .wrongType, .notInRange(max: 5),
            .periodTooLong(maxYears: 10),
            .invalidDate, .periodReversed,
        ]
        for problem in problems {
            for language in Language.allCases {
                let message = catalogue.message(for: FieldError("x", problem), language)
                #expect(!message.hasPrefix("error_"), "no \(language) message for \(problem.code)")
                #expect(!message.contains("{n}"))
            }
        }
        #expect(catalogue.message(for: FieldError("x", .fileTooLarge(maxBytes: 10_485_760)), .vi) == "Mỗi tệp không quá 10 MB.")
        #expect(catalogue.message(for: FieldError("category", .required), .en) == "Please choose one.")
    }
}

/// What users tripped over in the browser (issue 10 §2), as plain checks.
@Suite struct PageWordingTests {
    /// One name per category: the answers list used "Kiến nghị, sáng kiến" where the form said
    /// "Kiến nghị về quy định hành chính".
    @Test func categoriesHaveOneNameEverywhere() async throws {
        let catalogue = try Catalogue.bundled()
        for category in try ReferenceData.bundled().categories {
            #expect(catalogue.text("category_" + category.code.rawValue, .vi) == category.nameVi)
            #expect(catalogue.text("category_" + category.code.rawValue, .en) == category.nameEn)
        }
    }

    /// A one-line address input asks for `address-line1`; `street-address` is for a multi-line field.
    @Test func theAddressInputIsOneLine() throws {
        let form = try String(contentsOfFile: AppResources.path("Templates") + "/petition-form.mustache", encoding: .utf8)
        #expect(!form.contains("autocomplete=\"street-address\""))
        #expect(form.contains("autocomplete=\"address-line1\""))
    }

    /// The receipt told phone users to press Ctrl+P.
    @Test func theReceiptSpeaksToPhonesToo() throws {
        let catalogue = try Catalogue.bundled()
        for language in [Language.vi, .en] { #expect(!catalogue.text("receipt_print_hint", language).contains("Ctrl")) }
    }
}

import Foundation

/// The files shipped with the app (templates, strings, styles, demo corpus), under
/// `Sources/App/Resources` in the repository.
enum AppResources {
    static func path(_ relative: String) -> String {
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(relative).path
    }

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(relative)))
    }
}

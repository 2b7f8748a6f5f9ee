import ArgumentParser
import Foundation

/// A file a command was given, read whole, or a usage error naming the argument.
enum CommandFile {
    static func read(_ path: String, _ name: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(name): cannot read \(path)") }
        return data
    }
}

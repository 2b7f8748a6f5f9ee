import Foundation
import Testing

/// A page as a reviewer sees it in a diff: its HTML, kept in `Tests/AppTests/__Snapshots__`.
/// A page that differs from its file fails the test; a missing file, or `SNAPSHOT_RECORD=1`,
/// writes the page and fails too, so that nothing new passes unseen. After an intended change:
/// `SNAPSHOT_RECORD=1 swift test --filter PageSnapshotTests`, then review the diff and commit it.
///
/// (Text snapshots of our own: pointfreeco's swift-snapshot-testing would bring swift-syntax into
/// every CI build, 1 to 2.5 minutes on 2 cores, for image and inline features that HTML does not use.)
func expectSnapshot(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let page = Snapshot.normalized(html)
    let file = Snapshot.folder.appendingPathComponent(name + ".html")
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    if !recording, let stored = try? String(contentsOf: file, encoding: .utf8) {
        guard stored != page else { return }
        let (old, new) = (
            stored.split(separator: "\n", omittingEmptySubsequences: false), page.split(separator: "\n", omittingEmptySubsequences: false)
        )
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let was = line < old.count ? String(old[line]) : "(end)"
        let now = line < new.count ? String(new[line]) : "(end)"
        Issue.record(
            "\(name) differs from its snapshot at line \(line + 1):\n  was: \(was)\n  now: \(now)\nIf intended: SNAPSHOT_RECORD=1 swift test --filter PageSnapshotTests",
            sourceLocation: sourceLocation)
        return
    }
    try FileManager.default.createDirectory(at: Snapshot.folder, withIntermediateDirectories: true)
    try page.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("recorded \(file.lastPathComponent): review it and commit it", sourceLocation: sourceLocation)
}

enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    /// What changes from run to run however fixed the fixtures: the CSRF token.
    static func normalized(_ html: String) -> String {
        html.replacing(/name="_csrf" value="[^"]*"/, with: #"name="_csrf" value="…""#)
    }
}

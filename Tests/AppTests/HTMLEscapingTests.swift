import Foundation
import Mustache
import Testing

@testable import App

/// Issue 12: the templates escape by bytes (`HTMLEscaping`), the same five characters as the
/// library's own escape, which every template names by its pragma.
@Suite struct HTMLEscapingTests {
    @Test func theSameFiveCharactersAreEscaped() {
        #expect(HTMLEscaping.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Phường Sài Gòn, Thành phố Hồ Chí Minh") == "Phường Sài Gòn, Thành phố Hồ Chí Minh")
        #expect(HTMLEscaping.escape("Bà Rịa – Vũng Tàu <3 & 😀") == "Bà Rịa – Vũng Tàu &lt;3 &amp; 😀")
        #expect(HTMLEscaping.escape("") == "")
        // A combining mark after a special character stays after its escape.
        #expect(HTMLEscaping.escape("<\u{301}") == "&lt;\u{301}")
    }

    @Test func everyTemplateNamesTheByteEscape() throws {
        let folder = AppResources.path("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        #expect(names.count > 20)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.hasPrefix(HTMLEscaping.pragma), "\(name) does not start with \(HTMLEscaping.pragma)")
        }
    }

    @Test func theLibraryRendersThroughIt() async throws {
        let library = try await MustacheLibrary.bundled()
        _ = library
        let template = try MustacheTemplate(string: HTMLEscaping.pragma + "{{value}}")
        #expect(template.render(["value": "a < b & \"c\""]) == "a &lt; b &amp; &quot;c&quot;")
    }
}

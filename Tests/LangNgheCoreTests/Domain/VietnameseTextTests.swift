import LangNgheCore
import Testing

/// The code points of a text. `String ==` compares canonical equivalence, so NFC and NFD forms
/// of the same text are equal as strings; normalisation can only be checked scalar by scalar.
func domainTestScalars(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}

@Suite("Vietnamese text: storage form and search form")
struct VietnameseTextTests {
    @Test func normalizedComposesDecomposedText() {
        // setup: "ê" precomposed followed by a combining grave accent, as some keyboards send it
        let decomposed = "Nguyê\u{0300}n"
        #expect(decomposed.unicodeScalars.count == 7)

        // MUT
        let stored = VietnameseText.normalized(decomposed)

        // validate: one code point, U+1EC1 "ề"
        #expect(domainTestScalars(stored) == domainTestScalars("Nguy\u{1EC1}n"))
        #expect(stored.unicodeScalars.count == 6)
    }

    @Test func normalizedComposesFullyDecomposedText() {
        // "ễ" as e + circumflex + tilde, "Đ" has no decomposition and stays as it is.
        let decomposed = "Đ\u{0061}\u{0300}o Nguye\u{0302}\u{0303}n"
        #expect(domainTestScalars(VietnameseText.normalized(decomposed)) == domainTestScalars("Đ\u{00E0}o Nguy\u{1EC5}n"))
    }

    @Test(arguments: ["Nguyễn Huệ", "Đường Trường Sơn", "sổ đỏ", "", "ASCII only 123"])
    func normalizedLeavesComposedTextAlone(_ text: String) {
        #expect(domainTestScalars(VietnameseText.normalized(text)) == domainTestScalars(text))
    }

    @Test(
        "Folding: lowercase, đ → d, no marks, one space between words",
        arguments: [
            ("Đường", "duong"),
            ("đường", "duong"),
            ("Nguyễn Huệ", "nguyen hue"),
            ("sổ đỏ", "so do"),
            ("KIẾN NGHỊ", "kien nghi"),
            ("Trường Sơn", "truong son"),
            ("ĐẶNG THỊ ỨNG", "dang thi ung"),
            ("Nguye\u{0302}\u{0303}n", "nguyen"),  // NFD input folds the same
            ("Sổ đỏ, nhà đất!!! (Hà Nội)", "so do nha dat ha noi"),
            ("  a   b\t\nc  ", "a b c"),
            ("Quyết định 31/2021/QĐ-TTg", "quyet dinh 31 2021 qd ttg"),
            ("Nghị định 20/2008", "nghi dinh 20 2008"),
            ("Cảm ơn 🙏 rất nhiều 👍🏽🇻🇳", "cam on rat nhieu"),
            ("ok👍ok", "ok ok"),
            ("👨‍👩‍👧 ❤️", ""),
            ("...,;!?", ""),
            ("", ""),
        ])
    func folded(_ text: String, expected: String) {
        // MUT
        let folded = VietnameseText.folded(text)

        // validate: scalar by scalar, so no stray combining mark survives
        #expect(domainTestScalars(folded) == domainTestScalars(expected))
        #expect(folded.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test(
        "A folded query finds the text it names",
        arguments: [
            ("nguyen", "Ông Nguyễn Văn An phản ánh"),
            ("duong", "Đường giao thông nông thôn"),
            ("so do", "Chậm cấp sổ đỏ cho người dân"),
            ("Sổ Đỏ", "chậm cấp sổ đỏ"),
        ])
    func foldedQueryFindsText(query: String, text: String) {
        #expect(VietnameseText.folded(text).contains(VietnameseText.folded(query)))
    }

    @Test(arguments: ["Đường Trường Sơn — Hà Nội!", "KIẾN NGHỊ 31/2021", "👍 xin cảm ơn 👍", ""])
    func foldingIsIdempotent(_ text: String) {
        let once = VietnameseText.folded(text)
        #expect(VietnameseText.folded(once) == once)
    }

    @Test func syllablesAreTheFoldedWords() {
        // MUT
        let syllables = VietnameseText.syllables("  Nguyễn Văn A — Hà Nội, 2026! ")

        // validate
        #expect(syllables == ["nguyen", "van", "a", "ha", "noi", "2026"])
    }

    @Test(arguments: ["", "   ", "—!?", "🙏"])
    func syllablesOfTextWithoutWordsAreEmpty(_ text: String) {
        #expect(VietnameseText.syllables(text).isEmpty)
    }

    @Test func decomposedTextFoldsAsComposedText() {
        let decomposed = "Đường Nguyễn Huệ".decomposedStringWithCanonicalMapping
        #expect(VietnameseText.folded(decomposed) == "duong nguyen hue")
    }

    @Test func aSnippetHighlightsTheWordsOfTheQueryInTheirBestWindow() {
        let filler = Array(repeating: "chữ", count: 40).joined(separator: " ")
        // Tabs, line breaks and a no-break space separate words too; the decomposed "Đỏ" matches.
        let text = filler + "\tcấp\r\nSổ\u{00A0}" + "Đỏ".decomposedStringWithCanonicalMapping + ", nhanh " + filler
        // MUT
        let snippet = Snippet(text: text, query: SearchQuery("so do"), words: 10)

        // validate
        #expect(snippet.pieces.filter(\.highlighted).map(\.text) == ["Sổ", "Đỏ".decomposedStringWithCanonicalMapping + ","])
        #expect(snippet.pieces.first?.text.hasPrefix("… ") == true)
        #expect(snippet.pieces.last?.text == " …")
        #expect(snippet.pieces.map(\.text).joined().contains("cấp Sổ"))
    }

    @Test func aSnippetWithoutMatchesIsTheStartOfTheText() {
        let snippet = Snippet(text: "Một hai ba bốn", query: SearchQuery("khong"), words: 2)
        #expect(snippet.pieces.map(\.text) == ["Một hai", " …"])
        #expect(snippet.pieces.allSatisfy { !$0.highlighted })
    }
}

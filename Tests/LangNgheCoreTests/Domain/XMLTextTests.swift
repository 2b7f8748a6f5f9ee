import LangNgheCore
import Testing

@Suite struct XMLTextTests {
    @Test func specialCharactersAreEscapedAndForbiddenOnesDropped() {
        #expect(XMLText.escape("Bộ Tài chính & <x> \"y\" 'z'") == "Bộ Tài chính &amp; &lt;x&gt; &quot;y&quot; &apos;z&apos;")
        #expect(XMLText.escape("a\u{0}b\u{1B}c\td\ne\u{FFFE}") == "abc\td\ne")
        #expect(XMLText.escape("😀 Đường") == "😀 Đường")
    }
}

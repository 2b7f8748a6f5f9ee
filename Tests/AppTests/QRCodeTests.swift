import Crypto
import Foundation
import LangNgheCore
import Testing

@testable import App

/// The enrolment page's QR code. Each matrix below was decoded back to its text by OpenCV's QR
/// reader (cv2.QRCodeDetector) when this was written — versions 1, 6, 8, 9 and 10, ASCII and
/// Vietnamese — and is pinned by its hash, so that a change to the encoder shows here.
@Suite struct QRCodeTests {
    static let address = "otpauth://totp/LangNghe:btc-leader?secret=IFBEGRCFIZDUQSKKJNGE2TSPKBIVEU2UKVLFOWCZLIZDGNBVGY3Q&issuer=LangNghe"

    static let decoded: [(String, Int, String)] = [
        (address, 41, "8e686187e921d9fdb110cc0322022b268cc31689e0e0b07edab640da5e1ea9cd"),
        ("HELLO", 21, "d51e6b3d78d8b096ca2040e60a6b738e6d61f498c4cb0c3b63f035650114d050"),
        (String(repeating: "x", count: 200), 53, "71ddfbc79101aebe329e96f941cecd5e8440af18575c5b44b1700da69a5e03d3"),
        (String(repeating: "ab", count: 78), 49, "7c3cb8d4a01f23555ff56f3a5a9d60bc2fe5c23db5ca5798a91713057b20e57d"),
        (String(repeating: "z", count: 271), 57, "8579a5955f8b35f805e1d7195cc6c63b330b7cecd4c6b0cbf1e5148f001d9149"),
        ("Lắng nghe ✓", 21, "4bc87852d33dab432fa3e7d7e692aee7f08a2f94d6123a1a0f16a9d1820b91a3"),
    ]

    @Test func matricesAreTheOnesAReaderDecoded() throws {
        for (text, size, hash) in Self.decoded {
            let code = try #require(QRCode(text))
            #expect(code.size == size, "\(text.prefix(10))")
            let bits = code.modules.map { $0.map { $0 ? "1" : "0" }.joined() }.joined(separator: "\n")
            #expect(SHA256.hash(data: Data(bits.utf8)).map { String(format: "%02x", $0) }.joined() == hash, "\(text.prefix(10))")
        }
    }

    @Test func versionsFollowTheLength() throws {
        #expect(QRCode.capacity(1) == 17 && QRCode.capacity(6) == 134 && QRCode.capacity(10) == 271)
        #expect(try #require(QRCode(String(repeating: "a", count: 17))).version == 1)
        #expect(try #require(QRCode(String(repeating: "a", count: 18))).version == 2)
        #expect(QRCode(String(repeating: "a", count: 272)) == nil)
    }

    @Test func theSVGIsOnlyShapes() throws {
        let svg = try #require(QRCode(Self.address)).svg(label: "Mã QR <script>")
        #expect(svg.hasPrefix("<svg") && svg.contains("<path d=\"M"))
        #expect(!svg.contains("<script") && svg.contains("&lt;script&gt;"))
    }
}

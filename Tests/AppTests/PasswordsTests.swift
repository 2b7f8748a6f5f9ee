import Testing

@testable import App

@Suite struct PasswordsTests {
    @Test(arguments: ["short", "12345678901", "Password1234", "QWERTY123456", "langnghe-demo-2026", "matkhau123456"])
    func weakPasswordsAreRefused(_ password: String) {
        #expect(Passwords.problem(password) != nil)
    }

    @Test(arguments: ["mật-khẩu-kiểm-thử-2026", "correct horse battery staple", "Sông-Hồng-chảy-qua-2026"])
    func strongPasswordsPass(_ password: String) {
        #expect(Passwords.problem(password) == nil)
    }

    @Test(arguments: ["ab", "tên có dấu", "a b c", String(repeating: "x", count: 65)])
    func badUsernamesAreNamed(_ username: String) {
        #expect(Passwords.usernameProblem(username) != nil)
        #expect(Passwords.usernameProblem("can-bo.btc_01") == nil)
    }

    @Test func hashingVerifies() async throws {
        let hash = try await Passwords.hash("mật-khẩu-kiểm-thử-2026")
        #expect(try await Passwords.verify("mật-khẩu-kiểm-thử-2026", hash: hash))
        #expect(try await !Passwords.verify("mật-khẩu-sai-2026", hash: hash))
    }
}

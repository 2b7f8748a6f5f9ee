// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "langnghe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "langnghe", targets: ["langnghe"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Plain Swift: domain types, event rules, validation, text folding, calendar.
        .target(name: "LangNgheCore"),
        // One store interface in domain terms; SQLite (GRDB) and PostgreSQL (PostgresNIO).
        .target(
            name: "LangNgheStorage",
            dependencies: [
                "LangNgheCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C interface of FTS5, for the search's rank function.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                // The submitter's personal data is sealed before it is stored.
                .product(name: "Crypto", package: "swift-crypto"),
                // The root CA and the agencies' certificates that sign answers.
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                // PBKDF2: the root CA's key is sealed under a key derived from a passphrase.
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("ReferenceData")]
        ),
        // The web application, settings and commands.
        .target(
            name: "App",
            dependencies: [
                "LangNgheCore",
                "LangNgheStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Notifications: e-mail over SMTP (STARTTLS or implicit TLS), SMS through an HTTP gateway.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "langnghe", dependencies: ["App"]),
        // Performance figures live here, never in timed tests: `swift run -c release langnghe-bench`.
        .executableTarget(
            name: "langnghe-bench",
            dependencies: [
                "App", "LangNgheStorage", "LangNgheCore",
                // The pages and API are measured through the real router, in process.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(name: "LangNgheCoreTests", dependencies: ["LangNgheCore"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "LangNgheStorage",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // An outside CA, made in the tests, issues a chain for an admin to import.
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                // A free port for the test's SMTP server.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // Pages kept as HTML for review (PageSnapshotTests), read from the source tree.
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

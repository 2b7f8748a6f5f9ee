import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LangNgheCore
import LangNgheStorage
import Testing

@testable import App

/// The OpenAPI document against the router: every machine route documented, no documented
/// route missing. Parameter names are compared as `{}`: the document may name them better.
@Suite struct OpenAPITests {
    static func document() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: AppResources.data("OpenAPI/openapi.json")) as? [String: Any] ?? [:]
    }

    /// "GET /api/v1/petitions/{}" for each operation of the document.
    static func documentedOperations() throws -> Set<String> {
        let paths = try document()["paths"] as? [String: [String: Any]] ?? [:]
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where methods.contains(method) {
                operations.insert(method.uppercased() + " " + normalized(path))
            }
        }
        return operations
    }

    /// The same for every route of the real router under the machine interfaces.
    static func routedOperations() async throws -> Set<String> {
        try await TestDatabase.withStore { store in
            let environment = AppEnvironment.live
            let views = try await Views.bundled(catalogue: try Catalogue.bundled())
            let deadlines = DeadlineService(store: store, environment: environment)
            let router = try buildRouter(
                settings: Settings(environment: .testing), store: store, views: views, environment: environment, deadlines: deadlines,
                logger: TestDatabase.logger)
            var operations: Set<String> = []
            for route in router.routes {
                // RouterPath writes `:code` as `{code}` already.
                let path = route.path.description
                guard path.hasPrefix("/api/") || path == "/healthz" || path.hasPrefix("/open311/") || path.hasPrefix("/feeds/") else {
                    continue
                }
                operations.insert(route.method.rawValue + " " + normalized(path))
            }
            return operations
        }
    }

    static func normalized(_ path: String) -> String {
        path.replacing(/\{[^}]*\}/, with: "{}")
    }

    @Test func theDocumentIsOpenAPI31() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let info = try #require(document["info"] as? [String: Any])
        #expect(info["title"] as? String != nil)
        #expect(info["version"] as? String != nil)
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        for name in ["Petition", "Event", "Receipt", "Agency", "Category", "InboxPage", "CalendarYear", "Error"] {
            #expect(schemas[name] != nil, "no schema \(name)")
        }
        let schemes = try #require(components["securitySchemes"] as? [String: Any])
        #expect(Set(schemes.keys) == ["bearerAuth", "accessKey", "open311ApiKey"])
    }

    /// The document names every event type (it missed `markedNotPersonal`, found by fuzzing).
    @Test func everyEventTypeIsDocumented() throws {
        let schemas = try #require((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let event = try #require((schemas["Event"] as? [String: Any])?["properties"] as? [String: Any])
        let types = try #require((event["type"] as? [String: Any])?["enum"] as? [String])
        #expect(Set(types) == Set(EventType.allCases.map(\.rawValue)))
    }

    @Test func everyReferenceResolves() throws {
        let document = try Self.document()
        var references: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String { references.insert(reference) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in references {
            let parts = reference.split(separator: "/").map(String.init)
            #expect(parts.first == "#", "\(reference) is not local")
            var node: Any? = document
            for part in parts.dropFirst() { node = (node as? [String: Any])?[part] }
            #expect(node != nil, "\(reference) does not resolve")
        }
    }

    @Test func everyRouteIsDocumented() async throws {
        let routed = try await Self.routedOperations()
        let documented = try Self.documentedOperations()
        #expect(routed.contains("GET /api/v1/petitions/{}"))
        #expect(routed.contains("POST /open311/v2/requests.xml"))
        let undocumented = routed.subtracting(documented).sorted()
        #expect(undocumented.isEmpty, "routes missing from openapi.json: \(undocumented)")
    }

    @Test func everyDocumentedRouteExists() async throws {
        let routed = try await Self.routedOperations()
        let stale = try Self.documentedOperations().subtracting(routed).sorted()
        #expect(stale.isEmpty, "openapi.json documents routes that do not exist: \(stale)")
    }

    @Test func theDocumentIsServed() async throws {
        try await withApp { client, _ in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try response.json()["openapi"] as? String == "3.1.0")
        }
    }
}

import Hummingbird
import NIOCore

/// `/api/v1/openapi.json`: the OpenAPI 3.1 description of every machine interface, shipped in
/// `Resources/OpenAPI`. A test checks it against the router, so a route cannot go undocumented.
struct OpenAPIController {
    let document: ByteBuffer

    /// Reads the document once, at start-up.
    init() throws {
        document = ByteBuffer(bytes: try AppResources.data("OpenAPI/openapi.json"))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: document))
    }
}

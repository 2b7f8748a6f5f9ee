import Hummingbird
import LangNgheCore
import LangNgheStorage

/// What a request carries between middleware and routes.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The reader's language: `?lang=`, then the `lang` cookie, then `Accept-Language`.
    public var language: Language = .vi
    /// The same page in the other language: its path and query, `lang` switched.
    public var otherLanguageHref = "?lang=en"
    /// The CSRF token for the forms of this response (the cookie's value, signed).
    public var csrfToken: String = ""
    /// The posted form of a browser request, parsed (and its CSRF token checked) by
    /// `FormMiddleware` before any route sees it.
    public var form: FormData?
    /// The signed-in staff account (by session cookie on pages, by bearer token on the API).
    public var staff: StaffAccount?
    /// The client's address, for the security log and throttling.
    public let ip: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        ip = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Who is asking, for the workflow's rules.
    public var principal: Principal {
        staff.map { .staff($0.identity) } ?? .anonymous
    }

    /// JSON bodies are small; uploads go through `Limits` explicitly.
    public var maxUploadSize: Int { Limits.jsonBody }
}

/// Body size limits.
public enum Limits {
    /// A JSON petition: 150 000 characters of content at up to 4 bytes each, plus the rest.
    public static let jsonBody = 1_048_576
    /// A form without files: an answer of 100,000 characters, percent-encoded, fits.
    public static let formBody = 2_097_152
    /// A form or multipart request with up to five 10 MB attachments.
    public static let uploadBody = AttachmentType.maxCount * AttachmentType.maxBytes + 1_048_576
}

import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// The filters of `GET requests` as the specification defines them: `service_request_id`
/// (comma-separated; overrides everything else), `service_code`, `start_date`, `end_date` and
/// `status` (`open`, `closed`; the last two may be repeated or comma-separated). Without dates,
/// the last 90 days; a range may not span more than 90 days; at most 1000 results.
struct Open311Query: Sendable {
    static let window: TimeInterval = 90 * 86_400
    static let maxResults = 1000
    /// Codes one request may ask for.
    static let maxCodes = 100

    var filter: PetitionListFilter

    init(_ query: Parameters, now: Date) throws {
        let codes = Self.values(query, "service_request_id")
        if !codes.isEmpty {
            // Each code must be well formed: a malformed one used to leave an empty list of codes,
            // which listed the newest thousand petitions whatever the window.
            let parsed = codes.compactMap(TrackingCode.init)
            guard parsed.count == codes.count, codes.count <= Self.maxCodes else {
                throw AppError.validation([
                    FieldError("service_request_id", codes.count > Self.maxCodes ? .tooLong(max: Self.maxCodes) : .invalidChoice)
                ])
            }
            filter = PetitionListFilter(codes: parsed, limit: Self.maxResults)
            return
        }
        var errors: [FieldError] = []
        var categories: [PetitionCategory] = []
        for code in Self.values(query, "service_code") {
            if let category = PetitionCategory(rawValue: code) {
                categories.append(category)
            } else {
                errors.append(FieldError("service_code", .invalidChoice))
                break
            }
        }
        var statuses: Set<PetitionStatus> = []
        for status in Self.values(query, "status") {
            switch status.lowercased() {
            case "open": statuses.formUnion(PetitionStatus.allCases.filter(\.isOpen))
            case "closed": statuses.formUnion(PetitionStatus.allCases.filter { !$0.isOpen })
            default:
                errors.append(FieldError("status", .invalidChoice))
            }
        }
        let start = Self.date(query, "start_date", errors: &errors)
        let end = Self.date(query, "end_date", errors: &errors)
        guard errors.isEmpty else { throw AppError.validation(errors) }

        // One date alone opens a 90-day window on its side; neither means the last 90 days.
        let to = end ?? start.map { $0.addingTimeInterval(Self.window) } ?? now
        let from = start ?? to.addingTimeInterval(-Self.window)
        guard from <= to else { throw AppError.validation([FieldError("end_date", .invalidChoice)]) }
        guard to.timeIntervalSince(from) <= Self.window else { throw Open311Failure(status: .badRequest, key: "open311_date_span") }
        // Both statuses asked for is the same as none.
        let statusList = statuses.count == PetitionStatus.allCases.count ? [] : PetitionStatus.allCases.filter { statuses.contains($0) }
        filter = PetitionListFilter(categories: categories, statuses: statusList, from: from, to: to, limit: Self.maxResults)
    }

    /// Every value of a parameter, whether repeated (`a=1&a=2`) or comma-separated (`a=1,2`).
    static func values(_ query: Parameters, _ name: String) -> [String] {
        query[values: Substring(name)].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func date(_ query: Parameters, _ name: String, errors: inout [FieldError]) -> Date? {
        guard let text = query.get(name), !text.isEmpty else { return nil }
        guard let date = Open311Time.parse(text) else {
            errors.append(FieldError(name, .invalidChoice))
            return nil
        }
        return date
    }
}

/// Instants as Open311 writes and reads them: W3C date-times with a zone. LangNghe writes
/// Vietnam time (`2026-03-02T09:15:00+07:00`) and reads any offset, `Z`, or a date alone
/// (midnight in Vietnam).
enum Open311Time {
    static let vietnamOffset = 7 * 3600

    static func string(_ date: Date) -> String {
        // `Timestamp` is fixed width: the first 19 characters are the local date and time.
        String(Timestamp.string(date.addingTimeInterval(TimeInterval(vietnamOffset))).prefix(19)) + "+07:00"
    }

    static func parse(_ raw: String) -> Date? {
        // A "+" left unescaped in a query string may arrive as a space.
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "+")
        if text.count == 10, let day = CivilDate(iso: text), let midnight = Timestamp.date(day.iso + "T00:00:00Z") {
            return midnight.addingTimeInterval(-TimeInterval(vietnamOffset))
        }
        guard text.count >= 20, let utc = Timestamp.date(String(text.prefix(19)) + "Z") else { return nil }
        var zone = Substring(text.dropFirst(19))
        if zone.first == "." {
            zone = zone.dropFirst().drop(while: { $0.isASCII && $0.isNumber })
        }
        if zone == "Z" { return utc }
        let parts = Array(zone)
        guard parts.count == 6, parts[0] == "+" || parts[0] == "-", parts[3] == ":",
            let hours = Int(String(parts[1...2])), let minutes = Int(String(parts[4...5])), hours < 24, minutes < 60
        else { return nil }
        let offset = TimeInterval((hours * 3600 + minutes * 60) * (parts[0] == "-" ? -1 : 1))
        return utc.addingTimeInterval(-offset)
    }
}

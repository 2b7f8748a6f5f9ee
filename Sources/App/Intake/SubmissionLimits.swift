import Crypto
import Foundation
import LangNgheCore
import LangNgheStorage

/// How many petitions one client address and one sender (by phone, by e-mail) may file: plenty
/// for anyone with something to say, too few to flood the queues. The limits are kept under
/// keyed hashes, so the table holds no address, phone or e-mail, and a stolen copy cannot be
/// checked against a list of phone numbers without the server's secret.
///
/// The clerk's paper intake is exempt (a clerk types in what the post brings), and so is the
/// address of an Open311 client, which sends on behalf of many people (its senders still count).
public struct SubmissionLimits: Sendable {
    /// Petitions per client address per hour; 0: no limit.
    public var perAddressPerHour: Int
    /// Petitions per sender (phone or e-mail) per day; 0: no limit.
    public var perSenderPerDay: Int
    private let key: SymmetricKey

    public init(perAddressPerHour: Int, perSenderPerDay: Int, secret: String) {
        self.perAddressPerHour = perAddressPerHour
        self.perSenderPerDay = perSenderPerDay
        key = SymmetricKey(data: SHA256.hash(data: Data(("rate-limits:" + secret).utf8)))
    }

    public static let off = SubmissionLimits(perAddressPerHour: 0, perSenderPerDay: 0, secret: "")

    /// The limits a submission counts against: `address` nil for channels exempt by address.
    func limits(for petition: ValidPetition, address: String?) -> [RateLimit] {
        var limits: [RateLimit] = []
        if perAddressPerHour > 0, let address {
            limits.append(RateLimit(key: "address:" + keyed(address), limit: perAddressPerHour, window: 3600))
        }
        if perSenderPerDay > 0 {
            let phone = PetitionDraft.canonicalPhone(petition.submitter.phone)
            limits.append(RateLimit(key: "phone:" + keyed(phone), limit: perSenderPerDay, window: 86_400))
            let email = petition.submitter.email.lowercased()
            if !email.isEmpty { limits.append(RateLimit(key: "email:" + keyed(email), limit: perSenderPerDay, window: 86_400)) }
        }
        return limits
    }

    private func keyed(_ value: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)).base64URLEncoded
    }
}

import Foundation

/// The intake rules (Decree 92/2017 Art. 7 cl. 4): name, address and phone are required, e-mail
/// is checked when given, organisations also give their name and tax code.
extension PetitionDraft {
    public static let maxTitleLength = 250
    public static let maxContentLength = 150_000

    public func validated(against reference: IntakeReference) -> Result<ValidPetition, ValidationFailure> {
        var rules = TextRules()
        let kindText = (submitterKind ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = Submitter.Kind(rawValue: kindText)
        if kind == nil {
            rules.errors.append(FieldError("submitter.type", kindText.isEmpty ? .required : .invalidChoice))
        }
        let name = rules.text(name, field: "submitter.name", required: true, min: 2, max: 200)
        let address = rules.text(address, field: "submitter.address", required: true, min: 5, max: 500)
        let phone = rules.text(phone, field: "submitter.phone", required: true, max: 30)
        if let phone, !Self.isPhone(phone) { rules.errors.append(FieldError("submitter.phone", .invalidPhone)) }
        let email = rules.text(email, field: "submitter.email", required: false, max: 254)
        if let email, !Self.isEmail(email) { rules.errors.append(FieldError("submitter.email", .invalidEmail)) }
        let isOrganization = kind == .organization
        let organizationName = rules.text(organizationName, field: "submitter.organizationName", required: isOrganization, max: 300)
        let taxCode = rules.text(taxCode, field: "submitter.taxCode", required: isOrganization, max: 14)
        if let taxCode, !Self.isTaxCode(taxCode) { rules.errors.append(FieldError("submitter.taxCode", .invalidTaxCode)) }

        let categoryText = (category ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let category = PetitionCategory(rawValue: categoryText)
        if category == nil { rules.errors.append(FieldError("category", categoryText.isEmpty ? .required : .invalidChoice)) }
        let fieldCode = rules.text(field, field: "field", required: false, max: 64)
        if let fieldCode {
            if let known = reference.fields[fieldCode], known.active {
                if let category, !known.categories.contains(category) {
                    rules.errors.append(FieldError("field", .fieldNotForCategory))
                }
            } else {
                rules.errors.append(FieldError("field", .unknownField))
            }
        }
        let agencyCode = rules.text(agencyCode, field: "agencyCode", required: false, max: 32)
        if let agencyCode, !reference.activeAgencyCodes.contains(agencyCode) {
            rules.errors.append(FieldError("agencyCode", .unknownAgency))
        }
        let title = rules.text(title, field: "title", required: true, min: 5, max: Self.maxTitleLength)
        let content = rules.text(content, field: "content", required: true, min: 20, max: Self.maxContentLength, multiline: true)

        let notifyBy = notifyChannels(email: email, errors: &rules.errors)
        guard rules.errors.isEmpty, let kind, let name, let address, let phone, let category, let title, let content else {
            return .failure(ValidationFailure(rules.errors))
        }
        let submitter = Submitter(
            kind: kind, name: name, address: address, phone: phone, email: email ?? "",
            organizationName: isOrganization ? organizationName : nil,
            taxCode: isOrganization ? taxCode : nil)
        return .success(
            ValidPetition(
                submitter: submitter, category: category, fieldCode: fieldCode, agencyCode: agencyCode,
                title: title, content: content, publishName: publishName, notifyBy: notifyBy))
    }

    /// The channels chosen, each known, and e-mail only with an address to send to.
    func notifyChannels(email: String?, errors: inout [FieldError]) -> Set<NotificationChannel> {
        guard let notifyBy else { return email == nil ? [] : [.email] }
        var channels: Set<NotificationChannel> = []
        for name in notifyBy.map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let channel = NotificationChannel(rawValue: name) else {
                errors.append(FieldError("notifyBy", .invalidChoice))
                return []
            }
            channels.insert(channel)
        }
        if channels.contains(.email), email == nil, !errors.contains(where: { $0.field == "submitter.email" }) {
            errors.append(FieldError("submitter.email", .required))
        }
        return channels
    }

    /// Vietnamese mobile and landline numbers: 0 or +84 then 9–10 digits; spaces, dots and
    /// dashes between digit groups are allowed.
    public static func isPhone(_ text: String) -> Bool {
        let digits = canonicalPhone(text)
        return digits.hasPrefix("0") && (10...11).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)
    }

    /// A phone number as digits from its leading 0, however it was written ("+84 912.345.678"
    /// and "0912-345-678" are one sender).
    public static func canonicalPhone(_ text: String) -> String {
        var digits = text.filter { !" .-()".contains($0) }
        if digits.hasPrefix("+84") {
            digits = "0" + digits.dropFirst(3)
        } else if digits.hasPrefix("84"), digits.count >= 11 {
            digits = "0" + digits.dropFirst(2)
        }
        return digits
    }

    /// A deliberately loose check: one @, a dot in the domain, no spaces. Deliverability is
    /// the mail server's business.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    /// Enterprise tax codes have 10 digits; branches add a dash and 3 more.
    static func isTaxCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts[0].count == 10 && parts[0].allSatisfy(\.isASCIIDigit)
            && (parts.count == 1 || (parts.count == 2 && parts[1].count == 3 && parts[1].allSatisfy(\.isASCIIDigit)))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

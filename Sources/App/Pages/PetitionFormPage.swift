import LangNgheCore
import LangNgheStorage

/// The submission form, empty or coming back with what was typed and what is wrong with it.
struct PetitionFormPage {
    typealias Option = SelectOption

    struct OptionGroup {
        let label: String
        let options: [Option]
    }

    struct CategoryOption {
        let value: String
        let label: String
        let description: String
        let checked: Bool
    }

    /// A line of the error summary, linking to its input.
    struct SummaryItem {
        let field: String
        let message: String
        let anchor: String
    }

    /// One message per input, shown next to it.
    struct Errors {
        var submitterType, name, address, phone, email, organizationName, taxCode: String?
        var category, field, agencyCode, title, content, attachments, notifyBy: String?

        init(_ messages: [String: String]) {
            submitterType = messages["submitter.type"]
            name = messages["submitter.name"]
            address = messages["submitter.address"]
            phone = messages["submitter.phone"]
            email = messages["submitter.email"]
            organizationName = messages["submitter.organizationName"]
            taxCode = messages["submitter.taxCode"]
            category = messages["category"]
            field = messages["field"]
            agencyCode = messages["agencyCode"]
            title = messages["title"]
            content = messages["content"]
            attachments = messages["attachments"]
            notifyBy = messages["notifyBy"]
        }
    }

    let isOrganization: Bool
    let draft: PetitionDraft
    let errors: Errors
    let errorList: [SummaryItem]
    let hasErrors: Bool
    let categories: [CategoryOption]
    let fields: [Option]
    let agencyGroups: [OptionGroup]
    let maxFiles: Int
    let maxMegabytes: Int
    let acceptedTypes: String
    /// Where the form posts: the public form, or a clerk's intake in the back office.
    let action: String
    /// For clerks: how the petition arrived (paper, phone, e-mail, fax).
    let channels: [Option]
    let isClerk: Bool
    /// The channels ticked for notifications.
    let notifyByEmail: Bool
    let notifyBySMS: Bool
    /// Published answers like the text typed so far, after "look for similar answers" (nil
    /// before the citizen asked).
    var similar: SimilarAnswers?

    struct SimilarAnswers {
        struct Item {
            let href: String
            let title: String
            let agency: String
            let score: String
        }
        let items: [Item]
        let none: Bool
    }

    init(
        draft: PetitionDraft, messages: [String: String], catalogue: Catalogue, language: Language,
        categories: [CategoryInfo], fields: [Field], agencies: [Agency], clerkChannel: Channel? = nil
    ) {
        isClerk = clerkChannel != nil
        action = clerkChannel == nil ? Site.submit.path : Site.paperIntake.path
        channels =
            clerkChannel == nil
            ? []
            : ClerkIntakeController.channels.map {
                Option(value: $0.rawValue, label: catalogue.text("channel_" + $0.rawValue, language), selected: $0 == clerkChannel)
            }
        self.draft = draft
        notifyByEmail = draft.notifyBy?.contains(NotificationChannel.email.rawValue) ?? false
        notifyBySMS = draft.notifyBy?.contains(NotificationChannel.sms.rawValue) ?? false
        isOrganization = draft.submitterKind == Submitter.Kind.organization.rawValue
        errors = Errors(messages)
        // In the order of the form, so the summary reads top to bottom.
        let order = [
            "submitter.type", "submitter.name", "submitter.address", "submitter.phone", "submitter.email",
            "submitter.organizationName", "submitter.taxCode", "category", "field", "agencyCode", "title",
            "content", "attachments", "notifyBy",
        ]
        let firstCategory = categories.first?.code.rawValue ?? ""
        func anchor(_ key: String) -> String {
            switch key {
            case "submitter.type": "submitterType-individual"
            case "category": "category-" + firstCategory
            case "notifyBy": "notifyBy-email"
            default: key.hasPrefix("submitter.") ? String(key.dropFirst("submitter.".count)) : key
            }
        }
        errorList = messages.sorted { (order.firstIndex(of: $0.key) ?? 99) < (order.firstIndex(of: $1.key) ?? 99) }.map {
            SummaryItem(
                field: catalogue.text("label_" + $0.key.replacingOccurrences(of: ".", with: "_"), language), message: $0.value,
                anchor: anchor($0.key))
        }
        hasErrors = !messages.isEmpty
        self.categories = categories.map {
            CategoryOption(
                value: $0.code.rawValue, label: $0.name(language), description: $0.description(language),
                checked: draft.category == $0.code.rawValue)
        }
        self.fields = fields.filter(\.active).map { Option(value: $0.code, label: $0.name(language), selected: draft.field == $0.code) }
        agencyGroups = Agency.Kind.allCases.compactMap { kind in
            let options = agencies.filter { $0.active && $0.kind == kind }.map {
                Option(value: $0.code, label: $0.name(language), selected: draft.agencyCode == $0.code)
            }
            return options.isEmpty ? nil : OptionGroup(label: catalogue.text("agency_kind_" + kind.rawValue, language), options: options)
        }
        maxFiles = AttachmentType.maxCount
        maxMegabytes = AttachmentType.maxBytes / 1_048_576
        acceptedTypes = ".jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx"
    }
}

/// The printable receipt: the tracking code and the access key, shown once.
struct ReceiptPage {
    let trackingCode: String
    let accessKey: String
    let receivedAt: String
    let trackingURL: String
}

import LangNgheCore

/// Factories for the intake tests: reference data and drafts that pass, to be spoiled one field
/// at a time.
enum DomainTestIntake {
    static let reference = IntakeReference(
        fields: [
            Field(code: "land", nameVi: "Đất đai", nameEn: "Land", categories: [.conduct, .regulation]),
            Field(code: "startup", nameVi: "Khởi nghiệp", nameEn: "Start-ups", categories: [.proposal]),
            Field(code: "lottery", nameVi: "Xổ số", nameEn: "Lottery", categories: [.conduct], active: false),
        ],
        agencies: [
            Agency(code: "VPCP", nameVi: "Văn phòng Chính phủ", nameEn: "Government Office", kind: .governmentOffice),
            Agency(code: "BTNMT", nameVi: "Bộ Tài nguyên và Môi trường", nameEn: "MONRE", kind: .ministry),
            Agency(code: "HN", nameVi: "UBND TP Hà Nội", nameEn: "Hanoi People's Committee", kind: .province),
            Agency(code: "BTTTT", nameVi: "Bộ Thông tin và Truyền thông", nameEn: "MIC", kind: .ministry, active: false),
        ])

    static func individual() -> PetitionDraft {
        PetitionDraft(
            submitterKind: "individual", name: "Nguyễn Văn An",
            address: "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội", phone: "0912345678", email: "an.nguyen@example.vn",
            category: "conduct", field: "land", agencyCode: "HN", title: "Chậm cấp sổ đỏ",
            content: "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp từ tháng 3 đến nay chưa có kết quả.",
            publishName: true)
    }

    static func organization() -> PetitionDraft {
        PetitionDraft(
            submitterKind: "organization", name: "Trần Thị Bình",
            address: "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội", phone: "024 3825 1234", email: "lienhe@congty.vn",
            organizationName: "Công ty TNHH Sáng Tạo", taxCode: "0101234567",
            category: "proposal", field: "startup", agencyCode: "BTNMT", title: "Đề xuất hỗ trợ khởi nghiệp",
            content: "Đề nghị bổ sung cơ chế thử nghiệm có kiểm soát cho doanh nghiệp khởi nghiệp sáng tạo.")
    }

    /// The problems found in a draft, in the order the validation reports them; empty if it passed.
    static func errors(_ draft: PetitionDraft) -> [FieldError] {
        switch draft.validated(against: reference) {
        case .success: []
        case .failure(let failure): failure.errors
        }
    }

    /// The petition a draft becomes, or nil if it was refused.
    static func accepted(_ draft: PetitionDraft) -> ValidPetition? {
        try? draft.validated(against: reference).get()
    }

    /// The draft with one field, named by its API path, set to `value`.
    static func setting(_ field: String, to value: String?, in draft: PetitionDraft = individual()) -> PetitionDraft {
        var draft = draft
        switch field {
        case "submitter.type": draft.submitterKind = value
        case "submitter.name": draft.name = value
        case "submitter.address": draft.address = value
        case "submitter.phone": draft.phone = value
        case "submitter.email": draft.email = value
        case "submitter.organizationName": draft.organizationName = value
        case "submitter.taxCode": draft.taxCode = value
        case "category": draft.category = value
        case "field": draft.field = value
        case "agencyCode": draft.agencyCode = value
        case "title": draft.title = value
        case "content": draft.content = value
        default: fatalError("no field \(field) in a draft")
        }
        return draft
    }
}

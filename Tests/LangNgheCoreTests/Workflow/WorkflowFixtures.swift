import Foundation
import LangNgheCore

/// Cases at each stage, all with lead agency BTC, coordinating agency BYT and an invited
/// observer (id 99), and the principals that act on them.
enum WorkflowFixture {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func event(_ type: EventType, _ data: [String: String] = [:], agency: String? = nil, text: String = "x") -> PetitionEvent {
        PetitionEvent(sequence: 0, type: type, at: t0, actor: .system, agencyCode: agency, text: text, data: data)
    }

    static let received = [event(.submitted)]
    static let awaitingInfo = received + [event(.infoRequested)]
    static let assigned =
        received + [
            event(.assigned, ["leadAgency": "BTC", "coordinatingAgencies": "BYT"], agency: "VPCP"),
            event(.observerInvited, ["observerID": "99"], agency: "VPCP"),
        ]
    static let inProgress = assigned + [event(.acknowledged, agency: "BTC")]
    static let coordinating = inProgress + [event(.coordinationRequested, ["agency": "BYT"], agency: "BTC")]
    static let drafted = inProgress + [event(.answerDrafted, agency: "BTC", text: "Trả lời")]
    static let approved = drafted + [event(.answerApproved, agency: "BTC")]
    static let answered = approved + [event(.answerPublished, agency: "BTC", text: "Trả lời")]
    static let followedUp = answered + [event(.followedUp)]
    static let escalated = followedUp + [event(.escalated, ["reason": "repeatedComplaint"], agency: "VPCP")]
    static let closed = answered + [event(.closed, agency: "VPCP")]
    static let rejected = received + [event(.rejected, ["reasonCode": "abusive"], agency: "VPCP")]

    static func staff(_ id: Int64, _ agency: String, _ role: StaffRole) -> Principal {
        .staff(StaffIdentity(id: id, username: "u\(id)", agencyCode: agency, role: role))
    }

    /// Every kind of principal, by name: own = the lead agency, coord = the coordinating
    /// agency, other = an agency not on the case.
    static let principals: [String: Principal] = [
        "anonymous": .anonymous, "submitter": .submitter,
        "coordinator": staff(1, "VPCP", .coordinator), "coordinatorAtAgency": staff(2, "BTC", .coordinator),
        "officerOwn": staff(3, "BTC", .officer), "leaderOwn": staff(4, "BTC", .leader),
        "officerCoord": staff(5, "BYT", .officer), "leaderCoord": staff(6, "BYT", .leader),
        "officerOther": staff(7, "BNV", .officer), "leaderOther": staff(8, "BNV", .leader),
        "adminVPCP": staff(9, "VPCP", .admin), "adminOwn": staff(10, "BTC", .admin),
        "observerInvited": staff(99, "VPCP", .observer), "observerOther": staff(98, "VPCP", .observer),
        "officerVPCP": staff(11, "VPCP", .officer),
    ]

    static let reference = Workflow.Reference(activeAgencies: ["VPCP", "BTC", "BYT", "BNV", "HCM"])

    /// Fields that make each event valid.
    static func validFields(_ type: EventType) -> [String: String] {
        switch type {
        case .assigned: ["leadAgency": "HCM", "coordinatingAgencies": "BYT,BNV", "note": "Chuyển"]
        case .rejected: ["reasonCode": "outOfScopeComplaint"]
        case .returned: ["reason": "Không thuộc thẩm quyền"]
        case .infoRequested: ["message": "Đề nghị bổ sung giấy tờ"]
        case .infoProvided: ["content": "Bổ sung"]
        case .progressUpdated: ["note": "Đang xác minh"]
        case .coordinationRequested: ["agency": "BNV", "question": "Đề nghị cho ý kiến"]
        case .coordinationReplied: ["reply": "Đồng ý"]
        case .answerDrafted: ["content": "Dự thảo trả lời"]
        case .followedUp: ["content": "Chưa thoả đáng"]
        case .rated: ["satisfaction": "4", "comment": "Tốt"]
        case .escalated: ["reason": "governmentAuthority", "summary": "Thuộc thẩm quyền Thủ tướng"]
        case .decided: ["decision": "Giao Bộ Tài chính", "outcome": "implement"]
        case .merged: ["into": "PAKN-2026-000001"]
        case .noteAdded: ["note": "Ghi chú"]
        case .observerInvited: ["observerID": "98", "observer": "u98"]
        case .redacted: ["target": "answer", "text": "Trả lời [số điện thoại đã ẩn]"]
        case .markedUseful: ["result": "Nghị định 15/2026/NĐ-CP sửa đổi"]
        case .markedNotPersonal: ["target": "content", "text": "Bà Rịa"]
        case .personalDataErased: ["retentionRule": "finishedCases", "legalBasis": "Luật 91/2025/QH15"]
        case .answerApproved: ["password": "mật khẩu nhập lại"]
        case .submitted, .acknowledged, .answerPublished, .closed: [:]
        }
    }
}

/// The status a case has after its events, folded from the first to the last.
///
/// Which events are allowed in which status is the workflow's rule table, checked before an
/// event is appended; this only says where each event leaves the case.
public enum StatusDerivation {
    public static func status(after events: [PetitionEvent]) -> PetitionStatus {
        var status = PetitionStatus.received
        // Asking the submitter for information pauses the case; answering resumes it where it was.
        var beforeInfoRequest = PetitionStatus.received
        for event in events {
            if event.type == .infoRequested, status != .awaitingInfo { beforeInfoRequest = status }
            status = next(status, event, resuming: beforeInfoRequest)
        }
        return status
    }

    static func next(_ status: PetitionStatus, _ event: PetitionEvent, resuming: PetitionStatus) -> PetitionStatus {
        switch event.type {
        case .submitted, .returned: .received
        case .rejected: .rejected
        case .infoRequested: .awaitingInfo
        case .infoProvided: status == .awaitingInfo ? resuming : status
        case .assigned: .assigned
        case .acknowledged, .progressUpdated: .inProgress
        case .answerPublished: .answered
        case .escalated: .escalated
        // The Government's decision either sends the case back for implementation or ends it.
        case .decided: event.data["outcome"] == "close" ? .closed : .inProgress
        case .merged, .closed: .closed
        case .followedUp, .coordinationRequested, .coordinationReplied, .answerDrafted,
            .answerApproved, .rated, .noteAdded, .observerInvited, .redacted, .markedUseful:
            status
        }
    }
}

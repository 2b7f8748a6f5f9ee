/// Who is told of which event (issue 14 §4). Pure: the events a transaction appends in, notices
/// out, so that every rule is tested without a database or a mail server.
///
/// The submitter hears of every public step; staff of what they must act on: a case given to
/// their agency, a coordination request, information the submitter provided, an answer awaiting
/// their approval (leaders), an invitation (observers). The Government Office's screening queue
/// is its work list and sends no mail per petition: at a national surge that would be thousands
/// of mails an hour to each coordinator.
public enum NoticeRules {
    static let handlers: Set<StaffRole> = [.officer, .leader]

    /// The notice of a deadline reminder (`dueSoon` or any overdue one): for the handlers of the
    /// agency that owes the step, or the Government Office's coordinators for a case nobody leads.
    public static func reminder(dueSoon: Bool, agency: String?) -> Notice {
        let agency = agency ?? Agency.governmentOfficeCode
        let roles: Set<StaffRole> = agency == Agency.governmentOfficeCode ? [.coordinator] : handlers
        return Notice(dueSoon ? .dueSoon : .overdue, to: .agency(agency, roles: roles), sequence: nil)
    }

    /// The notices of `events`, appended to a case whose state after them is `state`.
    public static func notices(for events: [PetitionEvent], after state: CaseState) -> [Notice] {
        events.flatMap { notices(for: $0, after: state) }
    }

    static func notices(for event: PetitionEvent, after state: CaseState) -> [Notice] {
        let at = event.sequence
        var out: [Notice] = []
        func submitter(_ kind: Notice.Kind) { out.append(Notice(kind, to: .submitter, sequence: at)) }
        func agency(_ kind: Notice.Kind, _ code: String?, _ roles: Set<StaffRole> = handlers) {
            if let code { out.append(Notice(kind, to: .agency(code, roles: roles), sequence: at, except: event.actor.staffID)) }
        }
        switch event.body {
        case is Submitted: submitter(.received)
        case let assigned as Assigned:
            if event.isPublic { submitter(.assigned) }
            agency(.newCase, assigned.leadAgency)
            for code in assigned.coordinatingAgencies where code != assigned.leadAgency { agency(.coordinationRequested, code) }
        case is InfoRequested: submitter(.infoRequested)
        case is InfoProvided: agency(.infoProvided, state.leadAgency ?? Agency.governmentOfficeCode, [.officer, .leader, .coordinator])
        case is ProgressUpdated where event.isPublic: submitter(.progressUpdated)
        case is Rejected: submitter(.refused)
        case is AnswerPublished: submitter(.answered)
        case is Escalated: submitter(.escalated)
        case is Decided: submitter(.decided)
        case is Merged: submitter(.merged)
        case let requested as CoordinationRequested: agency(.coordinationRequested, requested.agency)
        case is AnswerDrafted: agency(.approvalAwaited, state.leadAgency, [.leader])
        case let invited as ObserverInvited: out.append(Notice(.invited, to: .staff(invited.observerID), sequence: at))
        default: break
        }
        return out
    }
}

/// Who may see what of a case. Everyone sees the public timeline; these decide the rest.
public enum CaseAccess {
    /// The whole timeline, internal notes and coordination: coordinators, the handlers of the
    /// involved agencies, and observers invited to comment.
    public static func canSeeInternals(_ principal: Principal, _ state: CaseState) -> Bool {
        guard let staff = principal.staff else { return principal == .system }
        if staff.isCoordinator { return true }
        if staff.handlesCases { return state.involvedAgencies.contains(staff.agencyCode) }
        if staff.role == .observer { return state.invitedObservers.contains(staff.id) }
        return false
    }

    /// The submitter's name, address, phone, e-mail and files: the submitter, coordinators and
    /// the lead agency's handlers; not coordinating agencies, not observers.
    public static func canSeeSubmitter(_ principal: Principal, _ state: CaseState) -> Bool {
        switch principal {
        case .submitter, .system: return true
        case .anonymous: return false
        case .staff(let staff):
            return staff.isCoordinator || (staff.handlesCases && staff.agencyCode == state.leadAgency)
        }
    }

    /// Whether `principal` is among the actors of a rule for this case.
    static func isActor(_ principal: Principal, _ actors: WorkflowRule.Actors, _ state: CaseState) -> Bool {
        switch actors {
        case .system: return principal == .system
        case .submitter: return principal == .submitter
        case .coordinator: return principal.staff?.isCoordinator == true
        case .leadHandlers: return isLeadHandler(principal, state)
        case .leadLeader: return isLeadHandler(principal, state) && principal.staff?.role == .leader
        case .leadLeaderOrCoordinator:
            return principal.staff?.isCoordinator == true || (isLeadHandler(principal, state) && principal.staff?.role == .leader)
        case .coordinatorOrLeadHandlers: return principal.staff?.isCoordinator == true || isLeadHandler(principal, state)
        case .coordinationTarget:
            guard let staff = principal.staff, staff.handlesCases else { return false }
            return state.openCoordination[staff.agencyCode] != nil
        case .participants: return canSeeInternals(principal, state) && principal.staff != nil
        }
    }

    private static func isLeadHandler(_ principal: Principal, _ state: CaseState) -> Bool {
        guard let staff = principal.staff, staff.handlesCases, let lead = state.leadAgency else { return false }
        return staff.agencyCode == lead
    }
}

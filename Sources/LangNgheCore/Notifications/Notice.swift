/// One person to be told of one step of a case (issue 14), before it is addressed: what kind of
/// step, to whom, and the event that caused it. `NoticeRules` makes them from the events a
/// transaction appends, and the store writes them in that same transaction (the outbox), so that
/// no event is ever without its notices nor a notice without its event.
public struct Notice: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        // The submitter's: the receipt and every public step.
        case received
        case assigned
        case infoRequested = "info-requested"
        case progressUpdated = "progress-updated"
        case refused
        case answered
        case escalated
        case decided
        case merged
        // Staff's.
        case newCase = "new-case"
        case coordinationRequested = "coordination-requested"
        case infoProvided = "info-provided"
        case approvalAwaited = "approval-awaited"
        case dueSoon = "due-soon"
        case overdue
        // An observer's.
        case invited
        /// A staff account's daily digest of the notifications it chose to receive that way.
        case digest
    }

    /// Who is told: the case's submitter, the active staff of an agency in some roles, or one
    /// account. The store turns an audience into addressed notifications.
    public enum Audience: Sendable, Hashable {
        case submitter
        case agency(String, roles: Set<StaffRole>)
        case staff(Int64)
    }

    public var kind: Kind
    public var audience: Audience
    /// The event's sequence in its case; nil for the reminders, which no event causes.
    public var sequence: Int?
    /// The account that acted: not told of its own step.
    public var except: Int64?

    public init(_ kind: Kind, to audience: Audience, sequence: Int?, except: Int64? = nil) {
        self.kind = kind
        self.audience = audience
        self.sequence = sequence
        self.except = except
    }
}

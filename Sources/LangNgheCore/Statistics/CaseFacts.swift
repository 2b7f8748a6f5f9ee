import Foundation

/// What one case contributes to the statistics, read from its events once.
///
/// Like the deadlines, the facts are a pure function of the log and the day they are read on,
/// so a quarterly report can be recomputed to the same figures from the same events.
public struct CaseFacts: Sendable, Hashable {
    /// An agency's refusal of a case as outside its competence (`returned`).
    public struct Return: Sendable, Hashable {
        /// The agency that returned the case: its lead agency at the time.
        public let agencyCode: String
        /// Whether the Government Office disagreed: it later assigned the case to the same agency again.
        public let isOverruled: Bool

        public init(agencyCode: String, isOverruled: Bool) {
            self.agencyCode = agencyCode
            self.isOverruled = isOverruled
        }
    }

    /// An assignment after the first: the case moved (or went back) to a lead agency.
    public struct Reassignment: Sendable, Hashable {
        /// The lead agency before, or the one that returned the case; nil if none is known.
        public let from: String?
        public let to: String

        public init(from: String?, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// A lead agency's request to another agency for its opinion (`coordinationRequested`).
    public struct CoordinationRequest: Sendable, Hashable {
        /// The agency asked.
        public let agencyCode: String
        /// Whether it replied (`coordinationReplied`); replies answer an agency's requests oldest first.
        public let isAnswered: Bool
        /// Whether it is unanswered and past its own deadline today. A request withdrawn by a
        /// return or a new assignment, or ended with the case, is never overdue.
        public let isOverdue: Bool

        public init(agencyCode: String, isAnswered: Bool, isOverdue: Bool) {
            self.agencyCode = agencyCode
            self.isAnswered = isAnswered
            self.isOverdue = isOverdue
        }
    }

    public let trackingCode: String
    public let category: PetitionCategory
    public let fieldCode: String?
    /// The instant of submission (UTC).
    public let receivedAt: Date
    /// The day of submission in office time (Vietnam): what a period selects cases by.
    public let receivedOn: CivilDate
    /// The case's status on the day the facts were read.
    public let status: PetitionStatus
    /// The agency the case counts for: its lead agency when the first answer was published, or
    /// now if there is no answer; the Government Office while no agency has the case, since
    /// the Office holds it for screening and routing.
    public let agencyCode: String
    /// The day (office time) the first answer was published.
    public let firstAnswerOn: CivilDate?
    /// Whether the first answer met the answer deadline, pauses and published progress updates
    /// allowed for as the deadline engine counts them; nil if unanswered or no deadline applies.
    public let answeredOnTime: Bool?
    /// Working days from receipt to the first answer, the day of receipt not counted, as a
    /// deadline counts them: the citizen's wait, pauses included.
    public let workingDaysToAnswer: Int?
    /// Whether the answer deadline is overdue on the day the facts were read.
    public let isOverdue: Bool
    public let returns: [Return]
    public let reassignments: [Reassignment]
    public let isEscalated: Bool
    /// Every satisfaction rating given, 1 (worst) to 5 (best).
    public let ratings: [Int]
    public let coordinationRequests: [CoordinationRequest]
    /// Whether the submitter followed up (kept complaining) after the first answer.
    public let followedUpAfterAnswer: Bool

    /// The facts of a case as they stand on `today`; events after it are not yet known, so the
    /// same log gives any past day's figures. Nil for a log without a `submitted` event.
    ///
    /// - Parameter events: the petition's log, in order of `sequence`.
    public init?(
        trackingCode: String, category: PetitionCategory, fieldCode: String?, events: [PetitionEvent],
        engine: DeadlineEngine, today: CivilDate
    ) {
        let offset = engine.officeHours.utcOffsetSeconds
        let endOfToday = today.adding(days: 1).startOfDay(offsetSeconds: offset)
        let known = events.filter { $0.at < endOfToday }
        guard let submitted = known.first(where: { $0.type == .submitted }) else { return nil }
        var reader = CaseFactsReader()
        for event in known { reader.read(event) }

        self.trackingCode = trackingCode
        self.category = category
        self.fieldCode = fieldCode
        receivedAt = submitted.at
        receivedOn = CivilDate.localDate(of: submitted.at, offsetSeconds: offset)
        status = CaseState(events: known).status
        agencyCode = reader.agencyCode ?? Agency.governmentOfficeCode
        returns = reader.returns
        reassignments = reader.reassignments
        isEscalated = reader.isEscalated
        ratings = reader.ratings
        followedUpAfterAnswer = reader.followedUpAfterAnswer

        let deadlines = CaseDeadlines(
            events: known, fieldCode: fieldCode, category: category, engine: engine, today: today)
        isOverdue = deadlines.isAnswerOverdue
        coordinationRequests = deadlines.requests(reader.coordination)
        if let answer = reader.firstAnswer {
            let answerDay = CivilDate.localDate(of: answer.at, offsetSeconds: offset)
            firstAnswerOn = answerDay
            answeredOnTime = deadlines.answeredOnTime
            let countingDay = engine.calendar.countingStart(receivedAt: submitted.at, officeHours: engine.officeHours)
            // Answered on a day off before the count began: no working day has passed.
            workingDaysToAnswer = max(0, engine.calendar.workingDays(from: countingDay, to: answerDay))
        } else {
            firstAnswerOn = nil
            answeredOnTime = nil
            workingDaysToAnswer = nil
        }
    }

    /// Every agency the case says something about: its own, those that returned it or had it
    /// taken away, those asked to coordinate.
    public var agencyCodes: Set<String> {
        var codes: Set<String> = [agencyCode]
        codes.formUnion(returns.map(\.agencyCode))
        codes.formUnion(reassignments.compactMap(\.from))
        codes.formUnion(coordinationRequests.map(\.agencyCode))
        return codes
    }
}

/// How alike two petitions must be, by the cosine of their TF-IDF vectors, for the assistant to
/// say so. Chosen on the 239 labelled pairs (`Resources/Assist/duplicate-pairs.json`, measured
/// in `docs/assistance.md`): people reword a lot (the reworded duplicates score 0.40 to 0.74,
/// median 0.57), and different matters of one field and place score up to 0.59 (median 0.28).
public enum Likeness {
    /// The same matter written again: offered for merging. At 0.45, precision and recall near 0.9
    /// on the labelled pairs, bands included; a merge is a person's decision, so a missed
    /// duplicate (still listed as similar) costs more than one too many offered.
    public static let duplicate = 0.45
    /// The same matter from the same submitter after an answer: a repeated complaint. Lower than
    /// a duplicate, because the second letter of a dissatisfied citizen adds what the answer
    /// said and why it did not satisfy; the same sender makes a coincidence unlikely.
    public static let sameMatter = 0.35
    /// Below this a case or an answer is not worth a citizen's or an officer's time: half the
    /// different matters of a field score below it, and no duplicate does.
    public static let worthShowing = 0.3
}

/// A stored case compared with the one looked up.
public struct SimilarCase: Sendable, Equatable {
    public let code: TrackingCode
    public let title: String
    public let score: Double
    public let status: PetitionStatus
    public let duplicate: Bool
    /// Filed again by the same submitter on a matter already answered.
    public let repeatedComplaint: Bool

    public init(code: TrackingCode, title: String, score: Double, status: PetitionStatus, duplicate: Bool, repeatedComplaint: Bool) {
        self.code = code
        self.title = title
        self.score = score
        self.status = status
        self.duplicate = duplicate
        self.repeatedComplaint = repeatedComplaint
    }

    /// The verdict on one candidate. A repeated complaint is not also a duplicate to merge: it
    /// asks for more than the first answer gave.
    public static func judge(
        code: TrackingCode, title: String, score: Double, status: PetitionStatus, sameSubmitter: Bool, answered: Bool
    ) -> SimilarCase? {
        let repeated = sameSubmitter && answered && score >= Likeness.sameMatter
        guard repeated || score >= Likeness.worthShowing else { return nil }
        return SimilarCase(
            code: code, title: title, score: score, status: status, duplicate: !repeated && score >= Likeness.duplicate,
            repeatedComplaint: repeated)
    }
}

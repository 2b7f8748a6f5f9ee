import Foundation

/// One reading of a petition's log: a run per rule, fed the events in order.
///
/// Written with plain index loops: an inbox reads thousands of cases, and in a debug build
/// each generic iterator (`enumerated`, `zip`, optionals of runs) costs more than the counting.
struct DeadlineReading {
    private let rules: [DeadlineRule]
    /// Whether each rule concerns the petition (and, for a watcher, whether its deadline does).
    private let active: [Bool]
    private var runs: [DeadlineRun]

    /// A reading of the rules that `selected` picks (all of them if nil) and that apply to the petition.
    init(rules: [DeadlineRule], fieldCode: String?, category: PetitionCategory, selected: [Bool]? = nil) {
        var inScope = [Bool](repeating: false, count: rules.count)
        for i in 0..<rules.count {
            inScope[i] = (selected?[i] ?? true) && rules[i].appliesTo.contains(field: fieldCode, category: category)
        }
        var active = inScope
        for i in 0..<rules.count {
            if let w = rules[i].watched, !inScope[w] { active[i] = false }  // nothing to watch
        }
        self.rules = rules
        self.active = active
        runs = [DeadlineRun](repeating: DeadlineRun(), count: rules.count)
    }

    /// Reads one event, given what it does to each rule.
    mutating func read(_ event: PetitionEvent, actions: [DeadlineActions]) {
        watchLateness(at: event.at)
        for i in 0..<rules.count where active[i] && rules[i].watched == nil {
            runs[i].apply(actions[i], of: event, rule: rules[i])
        }
        for i in 0..<rules.count where active[i] {
            guard let w = rules[i].watched else { continue }
            let isLate = runs[w].overdueClock(at: event.at) != nil
            var actions = actions[i]
            actions.start = actions.start && isLate
            runs[i].apply(actions, of: event, rule: rules[i])
            // The watched deadline is on time again (restarted) or over: so is this one.
            if !isLate { runs[i].close(.cancelled(event.at), rule: rules[i]) }
        }
    }

    /// The deadlines on `today`, once every event up to it has been read.
    mutating func deadlines(today: CivilDate, startOfToday: Date) -> [Deadline] {
        watchLateness(at: startOfToday)
        var deadlines: [Deadline] = []
        for i in 0..<rules.count where active[i] {
            runs[i].append(to: &deadlines, rule: rules[i], today: today)
        }
        return deadlines
    }

    /// Starts the clock of each `whileOverdue` rule whose watched deadline is late at `instant`.
    private mutating func watchLateness(at instant: Date) {
        for i in 0..<rules.count where active[i] {
            guard let w = rules[i].watched, let late = runs[w].overdueClock(at: instant) else { continue }
            runs[i].watch(late, rule: rules[i])
        }
    }
}

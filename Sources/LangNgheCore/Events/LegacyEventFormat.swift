/// How events were stored before schema v7: a `text` column and a bag of strings, agency lists
/// comma-joined. The v7 migration reads old rows through this once (and tests use it as a
/// shorthand); nothing writes this shape any more.
public enum LegacyEventFormat {
    public struct Unreadable: Error, Sendable {
        public let type: EventType
        public let field: String
    }

    public static func body(type: EventType, text: String, data: [String: String]) throws -> any EventBody {
        func value(_ key: String) throws -> String {
            guard let value = data[key], !value.isEmpty else { throw Unreadable(type: type, field: key) }
            return value
        }
        func choice<T: RawRepresentable>(_ key: String) throws -> T where T.RawValue == String {
            guard let choice = T(rawValue: try value(key)) else { throw Unreadable(type: type, field: key) }
            return choice
        }
        func optional(_ key: String) -> String? { data[key].flatMap { $0.isEmpty ? nil : $0 } }
        func codes(_ key: String) -> [String] {
            (data[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        switch type {
        case .submitted: return Submitted(channel: Channel(rawValue: data["channel"] ?? "") ?? .web)
        case .rejected: return Rejected(reasonCode: try choice("reasonCode"), explanation: text)
        case .infoRequested: return InfoRequested(message: text)
        case .infoProvided: return InfoProvided(content: text)
        case .assigned:
            return Assigned(
                leadAgency: try value("leadAgency"), coordinatingAgencies: codes("coordinatingAgencies"), note: text,
                mergedFrom: optional("mergedFrom"))
        case .returned: return Returned(reason: text)
        case .acknowledged: return Acknowledged(note: text)
        // Every update restarted the clock before the rule on real updates.
        case .progressUpdated: return ProgressUpdated(note: text, restartsClock: true)
        case .coordinationRequested: return CoordinationRequested(agency: try value("agency"), question: text)
        case .coordinationReplied: return CoordinationReplied(reply: text)
        case .answerDrafted: return AnswerDrafted(content: text)
        case .answerApproved: return AnswerApproved()
        case .answerPublished: return AnswerPublished(answer: text)
        case .followedUp: return FollowedUp(content: text)
        case .rated:
            guard let satisfaction = Int(try value("satisfaction")), (1...5).contains(satisfaction) else {
                throw Unreadable(type: type, field: "satisfaction")
            }
            return Rated(satisfaction: satisfaction, comment: text)
        case .escalated: return Escalated(reason: try choice("reason"), summary: text)
        case .decided:
            return Decided(
                decision: text, outcome: optional("outcome").flatMap(Decided.Outcome.init) ?? .implement, leadAgency: optional("leadAgency")
            )
        case .merged:
            guard let into = TrackingCode(try value("into")) else { throw Unreadable(type: type, field: "into") }
            return Merged(into: into)
        case .closed: return Closed(note: text)
        case .noteAdded: return NoteAdded(note: text)
        case .observerInvited:
            guard let id = Int64(try value("observerID")) else { throw Unreadable(type: type, field: "observerID") }
            return ObserverInvited(observerID: id, observer: data["observer"] ?? "")
        case .redacted: return Redacted(target: try choice("target"), masked: text)
        case .markedUseful: return MarkedUseful(result: text)
        case .markedNotPersonal: return MarkedNotPersonal(target: try choice("target"), text: text)
        case .personalDataErased: return PersonalDataErased(retentionRule: data["retentionRule"] ?? "", legalBasis: text)
        }
    }
}

public import HotlineDomain

/// The labelling rules' last word on a request's urgency tier (`docs/classification-labelling.md`):
/// the urgency model's prediction, corrected where the request's own cue phrases and its type
/// decide by rule.
public enum UrgencyRule {
    /// The tier of a request the model put in `predicted`, whose urgency cues point to `cues`,
    /// of request type `type`:
    /// - a consultation or a praise is general unless it reports an emergency;
    /// - an emergency needs danger to life or property: a utility failure without an emergency
    ///   cue is basic living (L);
    /// - a request the model finds general is basic living when it names a utility failure, and
    ///   complex when it names a long-standing problem or several departments, by the labelling
    ///   rules' order (`UrgencyCues.tier(found:leafDefault:)`: L before C). Danger cues are left to
    ///   the model, which weighs them itself: a general prediction over one stands.
    public static func tier(predicted: UrgencyTier, cues: Set<UrgencyTier>, type: TicketType?) -> UrgencyTier {
        if type == .consultation || type == .praise {
            return predicted == .emergency ? .emergency : .general
        }
        switch predicted {
        case .emergency where !cues.contains(.emergency) && cues.contains(.livelihood):
            return .livelihood
        case .general:
            return UrgencyCues.tier(found: cues.subtracting([.emergency]), leafDefault: .general)
        default:
            return predicted
        }
    }
}

import Foundation
import HotlineDomain

/// The catalog's words for what tickets and inboxes are made of (states, actions, urgency
/// tiers, inbox kinds, timeline events), in the person's language; one key per case.
struct TicketWords {
    let renderer: ScreenRenderer
    let context: ScreenRequestContext

    /// The catalog's text for `key`.
    func text(_ key: String) -> String { renderer.text(key, context) }

    /// `ticket.state.<state>`.
    func state(_ state: TicketState) -> String { text("ticket.state.\(state.rawValue)") }

    /// `ticket.action.<action>`.
    func action(_ action: HandlingAction) -> String { text("ticket.action.\(action.rawValue)") }

    /// `ticket.urgency.<tier>`.
    func urgency(_ tier: UrgencyTier) -> String { text("ticket.urgency.\(tier.rawValue)") }

    /// `workbench.kind.<kind>`.
    func kind(_ kind: InboxKind) -> String { text("workbench.kind.\(kind.rawValue)") }
}

public import Foundation

/// What the dispatcher knows of the earlier ticket a repeat request repeats
/// (`TicketClassified.repeatOf`): which unit handles (or handled) it, and whether that unit
/// disowned it (a send-back by that unit, or an approved exclusion).
public struct RepeatOriginal: Sendable, Equatable {
    public var ticketId: UUID
    /// The original's lead unit now; nil when it was never dispatched.
    public var unitCode: String?
    /// True when the lead unit sent the original back as not responsible (退单), or the
    /// original's exclusion from the assessment was approved.
    public var disowned: Bool

    public init(ticketId: UUID, unitCode: String?, disowned: Bool) {
        self.ticketId = ticketId
        self.unitCode = unitCode
        self.disowned = disowned
    }
}

/// What recording a new ticket did: it created the ticket, or found its `Idempotency-Key`
/// claimed before and created nothing.
public enum RecordedIntake: Sendable {
    /// The ticket as stored, with its one history entry.
    case created(TicketRecord)
    /// The key was claimed before, for this request (a retry) or for another.
    case keyClaimedBefore(IdempotencyKeys.EarlierUse)
}

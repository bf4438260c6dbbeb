/// What the caller wants from the hotline.
public enum TicketType: String, Codable, Sendable, CaseIterable {
    case complaint
    case help
    case consultation
    case suggestion
    case report
    case praise
}

/// The request as `ticket.received` carries it: what the caller wants and where, without who
/// called. The caller's name and phone stay in the ticket row; the text is masked
/// (`PersonalDataMask.text`), so a number or name the caller spoke does not travel either.
public struct ReceivedRequest: Codable, Sendable, Equatable {
    public var channel: Channel
    public var type: TicketType
    /// The place as the caller said it ("朝阳区望京街道阜荣街10号").
    public var placeText: String
    public var coordinates: Coordinates?
    /// The request in the caller's words, phone numbers, ID card numbers and the caller's name masked.
    public var text: String
    /// A catalog code the operator chose, if any.
    public var categoryCode: String?
    /// An urgency the operator chose, if any.
    public var urgency: UrgencyTier?

    public init(
        channel: Channel, type: TicketType, placeText: String, coordinates: Coordinates? = nil, text: String,
        categoryCode: String? = nil, urgency: UrgencyTier? = nil
    ) {
        self.channel = channel
        self.type = type
        self.placeText = placeText
        self.coordinates = coordinates
        self.text = text
        self.categoryCode = categoryCode
        self.urgency = urgency
    }

    /// What of `request` may travel: everything but the caller, the text masked.
    public init(masking request: TicketRequest) {
        self.init(
            channel: request.channel, type: request.type, placeText: request.placeText,
            coordinates: request.coordinates,
            text: PersonalDataMask.text(request.text, callerName: request.callerName),
            categoryCode: request.categoryCode, urgency: request.urgency)
    }

    enum CodingKeys: String, CodingKey {
        case channel, type, coordinates, text, urgency
        case placeText = "place_text"
        case categoryCode = "category_code"
    }
}

/// What an operator records when a request arrives: who called, where, and what they want.
public struct TicketRequest: Codable, Sendable, Equatable {
    public var channel: Channel
    public var type: TicketType
    public var callerName: String?
    public var callerPhone: String?
    /// The place as the caller said it ("朝阳区望京街道阜荣街10号").
    public var placeText: String
    public var coordinates: Coordinates?
    /// The request in the caller's words, as confirmed back by the operator.
    public var text: String
    /// A catalog code the operator chose, if any.
    public var categoryCode: String?
    /// An urgency the operator chose, if any.
    public var urgency: UrgencyTier?

    public init(
        channel: Channel, type: TicketType, callerName: String? = nil, callerPhone: String? = nil,
        placeText: String, coordinates: Coordinates? = nil, text: String,
        categoryCode: String? = nil, urgency: UrgencyTier? = nil
    ) {
        self.channel = channel
        self.type = type
        self.callerName = callerName
        self.callerPhone = callerPhone
        self.placeText = placeText
        self.coordinates = coordinates
        self.text = text
        self.categoryCode = categoryCode
        self.urgency = urgency
    }

    enum CodingKeys: String, CodingKey {
        case channel, type, coordinates, text, urgency
        case callerName = "caller_name"
        case callerPhone = "caller_phone"
        case placeText = "place_text"
        case categoryCode = "category_code"
    }
}

/// A WGS-84 position.
public struct Coordinates: Codable, Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

public import HotlineDomain

/// The masked copies of a ticket's personal data that `tickets` keeps for the analysts' schema:
/// computed by `PersonalDataMask`, never by SQL.
public struct MaskedPersonalData: Sendable, Equatable {
    public var callerName: String?
    public var callerPhone: String?
    public var requestText: String

    /// The masks of a caller's name and phone and of the request text naming them.
    public init(callerName: String?, callerPhone: String?, requestText: String) {
        self.callerName = callerName.map(PersonalDataMask.name)
        self.callerPhone = callerPhone.map(PersonalDataMask.phone)
        self.requestText = PersonalDataMask.text(requestText, callerName: callerName)
    }

    /// The masks of `request`'s caller and text.
    public init(_ request: TicketRequest) {
        self.init(callerName: request.callerName, callerPhone: request.callerPhone, requestText: request.text)
    }
}

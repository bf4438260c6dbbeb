public import Foundation

/// How a ticket came through Open311: the external system that filed it, the service it was
/// filed under, and the attribute answers given (attribute code → values).
public struct Open311Filing: Sendable, Equatable {
    public var clientTokenId: UUID
    public var serviceCode: String
    public var attributes: [String: [String]]

    public init(clientTokenId: UUID, serviceCode: String, attributes: [String: [String]]) {
        self.clientTokenId = clientTokenId
        self.serviceCode = serviceCode
        self.attributes = attributes
    }
}

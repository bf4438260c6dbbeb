/// One field at fault in a request, and what is wrong with it.
public struct FieldFinding: Codable, Sendable, Equatable, Error {
    public var field: String
    public var detail: String

    public init(field: String, detail: String) {
        self.field = field
        self.detail = detail
    }
}

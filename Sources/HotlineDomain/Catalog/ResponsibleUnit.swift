/// The kind of unit a catalog leaf names as responsible. The dispatcher turns it into a
/// concrete unit using the ticket's place.
public enum ResponsibleUnit: Hashable, Sendable, CustomStringConvertible {
    /// The street or township office of the place (街道/乡/镇).
    case township
    /// A government department of the given kind (`housing`, `market_regulation`, ...), the
    /// district's when the place names a district, else the city's.
    case department(String)
    /// A public-service enterprise of the given kind (`water`, `power`, `gas`, ...).
    case enterprise(String)
    /// The municipal hotline center itself.
    case center

    /// Reads the catalog notation: `township`, `center`, `department:<kind>`, `enterprise:<kind>`.
    public init?(notation: String) {
        switch notation {
        case "township": self = .township
        case "center": self = .center
        default:
            let parts = notation.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { return nil }
            switch parts[0] {
            case "department": self = .department(parts[1])
            case "enterprise": self = .enterprise(parts[1])
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .township: "township"
        case .center: "center"
        case .department(let kind): "department:\(kind)"
        case .enterprise(let kind): "enterprise:\(kind)"
        }
    }
}

public import HotlineDomain

/// Why an Open311 request was not filed.
public enum ServiceRequestRefusal: Error, Sendable, Equatable {
    /// No leaf of the catalog has this code.
    case unknownService(String)
    /// Fields missing or wrong, each named.
    case invalid([FieldFinding])
}

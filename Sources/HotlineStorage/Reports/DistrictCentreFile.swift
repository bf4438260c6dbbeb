public import Foundation
public import HotlineDomain

extension DistrictCentre {
    /// The district centres in `Schemas/places/district_centers.csv` under `schemaDirectory`.
    public static func centres(schemaDirectory: URL) throws -> [DistrictCentre] {
        let text = try String(contentsOf: schemaDirectory.appendingPathComponent(file), encoding: .utf8)
        do {
            return try centres(csv: try CSVTable(parsing: text))
        } catch let error as CSVError {
            throw ReferenceFileError(file: file, reason: error.description)
        }
    }
}

/// A reference file outside `ReferenceData` that cannot be read.
public struct ReferenceFileError: Error, CustomStringConvertible {
    public let file: String
    public let reason: String

    public var description: String { "\(file): \(reason)" }
}

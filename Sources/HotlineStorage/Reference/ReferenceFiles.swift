public import Foundation
public import HotlineDomain

extension ReferenceData {
    /// Reads the reference data from the CSV files under `schemaDirectory` (`Schemas/`), with
    /// `communities` (a city's own list) in place of the generated one when given.
    public init(schemaDirectory: URL, communities: String? = nil) throws {
        try self.init { file in
            if file == .communities, let communities { return communities }
            return try String(contentsOf: schemaDirectory.appendingPathComponent(file.rawValue), encoding: .utf8)
        }
    }
}

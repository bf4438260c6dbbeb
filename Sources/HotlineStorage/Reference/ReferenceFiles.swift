public import Foundation
public import HotlineDomain

extension ReferenceData {
    /// Reads the reference data from the CSV files under `schemaDirectory` (`Schemas/`).
    public init(schemaDirectory: URL) throws {
        try self.init { file in
            try String(contentsOf: schemaDirectory.appendingPathComponent(file.rawValue), encoding: .utf8)
        }
    }
}

public import Foundation

extension CSVTable {
    /// The policy file `name` (`early_warning.csv`) of a schema directory's `policy/` folder.
    public init(policy name: String, in schemaDirectory: URL) throws {
        let file = schemaDirectory.appending(path: "policy").appending(path: name)
        try self.init(parsing: String(contentsOf: file, encoding: .utf8))
    }
}

/// A table read from RFC 4180 CSV text: a header row naming the columns, then records.
/// Quoted fields may hold commas, quotes (doubled) and line breaks.
public struct CSVTable: Sendable {
    public let columns: [String]
    public let records: [[String]]

    /// Parses `text`; every record must have as many fields as the header.
    public init(parsing text: String) throws(CSVError) {
        var rows = Self.rows(of: text)
        guard !rows.isEmpty else { throw CSVError(line: 1, message: "no header row") }
        columns = rows.removeFirst()
        for (index, row) in rows.enumerated() where row.count != columns.count {
            throw CSVError(line: index + 2, message: "\(row.count) fields where the header has \(columns.count)")
        }
        records = rows
    }

    /// The records as dictionaries keyed by column name.
    public var namedRecords: [[String: String]] {
        records.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
    }

    private static func rows(of text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                field = ""
                if row != [""] { rows.append(row) }
                row = []
            default: field.unicodeScalars.append(scalar)
            }
        }
        row.append(field)
        if row != [""] { rows.append(row) }
        return rows
    }
}

/// A CSV file that cannot be read, with the line at fault.
public struct CSVError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}

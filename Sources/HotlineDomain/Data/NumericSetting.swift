/// One row of a policy file of numeric `key,value` rows, with checks that name its line.
public struct NumericSetting: Sendable {
    public let key: String
    public let value: Double
    public let line: Int

    /// The value as a whole number within `minimum...maximum`.
    public func whole(minimum: Int = 0, maximum: Int = 10_000) throws(CSVError) -> Int {
        guard value == value.rounded(), value >= Double(minimum), value <= Double(maximum) else {
            throw CSVError(line: line, message: "\(key) must be a whole number from \(minimum) to \(maximum)")
        }
        return Int(value)
    }

    /// The value as a probability strictly between 0 and 1.
    public func probability() throws(CSVError) -> Double {
        guard value > 0, value < 1 else { throw CSVError(line: line, message: "\(key) must lie between 0 and 1") }
        return value
    }

    /// The error for a key the policy does not know.
    public func unknown(in policy: String) -> CSVError {
        CSVError(line: line, message: "unknown \(policy) setting \(key)")
    }
}

extension CSVTable {
    /// The rows of a `key,value` policy file, in order; a value that is not a number of at least 0
    /// is an error.
    public func numericSettings() throws(CSVError) -> [NumericSetting] {
        var settings: [NumericSetting] = []
        for (index, record) in namedRecords.enumerated() {
            let key = String(record["key", default: ""].prefix(40))
            guard let value = Double(record["value", default: ""]), value >= 0 else {
                throw CSVError(line: index + 2, message: "\(key) needs a number of at least 0")
            }
            settings.append(NumericSetting(key: key, value: value, line: index + 2))
        }
        return settings
    }
}

import Foundation

/// The one place callers' personal data is masked: the API's views, the events, the analysts'
/// schema and the exports all call these functions.
///
/// What counts as a phone number or an ID card number inside free text is `PersonalNumber`'s
/// rule; a masked digit becomes `*` in place, so separators and the text's length stay.
public enum PersonalDataMask {
    /// What replaces a hidden character.
    public static let maskCharacter: Unicode.Scalar = "*"

    /// A name keeps its first character: 张三丰 -> 张**, 李 -> 李*.
    public static func name(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return "" }
        return String(first) + String(repeating: Character(maskCharacter), count: max(trimmed.count - 1, 1))
    }

    /// A mobile (11 digits starting with 1, optionally +86/0086 and separators) keeps its first 3 and
    /// last 4 digits; any other number (landline with or without area code) keeps its last 4 only.
    /// A number of 4 digits or fewer keeps none.
    public static func phone(_ phone: String) -> String {
        var scalars = Array(phone.unicodeScalars)
        let hidden: [Int]
        if let number = PersonalNumber.read(scalars, at: scalars.startIndex), number.end == scalars.endIndex,
            number.kind == .mobile
        {
            hidden = number.hiddenPositions
        } else {
            let digits = scalars.indices.filter { PersonalNumber.isDigit(scalars[$0]) }
            hidden = Array(digits.dropLast(digits.count > 4 ? 4 : 0))
        }
        for position in hidden { scalars[position] = maskCharacter }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Free text with phone numbers (mobile and landline, with or without area code, with spaces or
    /// hyphens), 18-digit ID card numbers (last char may be X) and the caller's name masked.
    /// A name of one character is left alone (masking it would hide that character everywhere).
    public static func text(_ text: String, callerName: String?) -> String {
        var text = text
        if let callerName = callerName?.trimmingCharacters(in: .whitespacesAndNewlines), callerName.count > 1,
            text.contains(callerName)
        {
            text = text.replacingOccurrences(of: callerName, with: name(callerName))
        }
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return text }
        var scalars = Array(text.unicodeScalars)
        var position = scalars.startIndex
        var masked = false
        while position < scalars.endIndex {
            guard PersonalNumber.mayStart(scalars, at: position) else {
                position += 1
                continue
            }
            let number = PersonalNumber.read(scalars, at: position)
            if let number, number.kind != nil {
                if PersonalNumber.standsAlone(scalars, number) {
                    for hidden in number.hiddenPositions { scalars[hidden] = maskCharacter }
                    masked = true
                }
                position = number.end
            } else if let number, PersonalNumber.isDigit(scalars[position]) {
                // A run of digits that is no number is passed over whole, never read from its middle.
                position = number.end
            } else {
                // After a `+` or a parenthesis that starts no number, the digits are read on their own.
                position += 1
            }
        }
        return masked ? String(String.UnicodeScalarView(scalars)) : text
    }

    /// Every string inside a JSON value masked as `text` (for event payloads shown in history).
    public static func json(_ value: JSONValue, callerName: String?) -> JSONValue {
        switch value {
        case .string(let string): .string(text(string, callerName: callerName))
        case .array(let values): .array(values.map { json($0, callerName: callerName) })
        case .object(let members): .object(members.mapValues { json($0, callerName: callerName) })
        case .null, .bool, .number: value
        }
    }
}

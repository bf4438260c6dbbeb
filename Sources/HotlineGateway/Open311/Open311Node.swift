import Foundation

/// One value of an Open311 answer, in a tree that writes itself as JSON or as XML, so both
/// formats come from the same model.
indirect enum Open311Node: Sendable {
    /// A string; nil is JSON's null and an empty XML element.
    case text(String?)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// Named fields, in order.
    case object([(String, Open311Node)])
    /// A JSON array; in XML a sequence of `item` elements.
    case list(item: String, [Open311Node])

    /// This value as JSON.
    func json(into output: inout String) {
        switch self {
        case .text(nil): output += "null"
        case .text(let text?): output += Self.quoted(text)
        case .integer(let value): output += String(value)
        case .number(let value): output += value.isFinite ? String(value) : "null"
        case .boolean(let value): output += value ? "true" : "false"
        case .object(let fields):
            output += "{"
            for (index, (name, value)) in fields.enumerated() {
                if index > 0 { output += "," }
                output += Self.quoted(name) + ":"
                value.json(into: &output)
            }
            output += "}"
        case .list(_, let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.json(into: &output)
            }
            output += "]"
        }
    }

    /// This value as the content of an XML element: text, or child elements.
    func xml(into output: inout String) {
        switch self {
        case .text(nil): break
        case .text(let text?): output += Self.escaped(text)
        case .integer(let value): output += String(value)
        case .number(let value): if value.isFinite { output += String(value) }
        case .boolean(let value): output += value ? "true" : "false"
        case .object(let fields):
            for (name, value) in fields { Self.element(name, value, into: &output) }
        case .list(let item, let items):
            for value in items { Self.element(item, value, into: &output) }
        }
    }

    /// `<name>value</name>`.
    static func element(_ name: String, _ value: Open311Node, into output: inout String) {
        output += "<\(name)>"
        value.xml(into: &output)
        output += "</\(name)>"
    }

    /// A JSON string literal.
    private static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20: quoted += String(format: "\\u%04x", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// Text for XML character data, with the five special characters escaped and characters XML
    /// 1.0 cannot carry left out.
    private static func escaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

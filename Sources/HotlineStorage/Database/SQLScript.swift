import Foundation

/// Splits a SQL script into single statements, as the extended query protocol takes one at a
/// time. Semicolons inside quotes, dollar-quoted bodies and comments do not split.
public enum SQLScript {
    public static func statements(in script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var characters = Array(script)[...]
        while let character = characters.popFirst() {
            switch character {
            case "'", "\"":
                current.append(character)
                while let next = characters.popFirst() {
                    current.append(next)
                    if next == character { break }
                }
            case "-" where characters.first == "-":
                while let next = characters.popFirst(), next != "\n" {}
                current.append("\n")
            case "/" where characters.first == "*":
                characters.removeFirst()
                while let next = characters.popFirst() {
                    if next == "*" && characters.first == "/" {
                        characters.removeFirst()
                        break
                    }
                }
                current.append(" ")
            case "$":
                let tag = dollarTag(at: characters)
                guard let tag else {
                    current.append(character)
                    continue
                }
                characters.removeFirst(tag.count)
                var body = ""
                while let next = characters.popFirst() {
                    body.append(next)
                    if body.hasSuffix("$" + tag) { break }
                }
                current += "$" + tag + body
            case ";":
                append(current, to: &statements)
                current = ""
            default:
                current.append(character)
            }
        }
        append(current, to: &statements)
        return statements
    }

    /// The rest of a dollar-quote opening tag (`$body$` gives `body$`), if one starts here.
    private static func dollarTag(at characters: ArraySlice<Character>) -> String? {
        var tag = ""
        for character in characters {
            if character == "$" { return tag + "$" }
            guard character.isLetter || character.isNumber || character == "_" else { return nil }
            tag.append(character)
        }
        return nil
    }

    private static func append(_ statement: String, to statements: inout [String]) {
        let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { statements.append(trimmed) }
    }
}

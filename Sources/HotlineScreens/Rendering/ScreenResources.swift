public import Foundation
import Mustache

/// What the screens are made of, loaded once at the gateway's start from `Screens/`: the Mustache
/// templates (`templates/`), the string catalogs (`strings/<language>/`) and the static files
/// (`static/`: scripts, style sheets, images; served by the gateway itself, nothing from the internet).
public struct ScreenResources: Sendable {
    let templates: MustacheLibrary
    public let strings: StringCatalogs
    /// Static files by name (`screens.css`), with their content type.
    let assets: [String: StaticAsset]

    /// The screens in `directory`; every template must parse and every `{{t.key}}` it uses must
    /// be in the Chinese catalog.
    public static func load(from directory: URL) throws -> ScreenResources {
        let templateDirectory = directory.appendingPathComponent("templates")
        var templates = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(at: templateDirectory, includingPropertiesForKeys: nil)
        where file.pathExtension == "mustache" {
            do {
                try templates.register(
                    String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw ScreenResourcesError(message: "the template \(file.lastPathComponent): \(error)")
            }
        }
        let strings = try StringCatalogs.load(from: directory.appendingPathComponent("strings"))
        let chinese = strings.strings(StringCatalogs.defaultLanguage)
        let used = try Self.catalogKeys(in: templateDirectory)
        let missing = used.subtracting(chinese.keys).sorted()
        guard missing.isEmpty else {
            throw ScreenResourcesError(
                message: "keys the templates use but strings/\(StringCatalogs.defaultLanguage)/ lacks: "
                    + missing.joined(separator: ", "))
        }
        return ScreenResources(
            templates: templates, strings: strings,
            assets: try StaticAsset.load(from: directory.appendingPathComponent("static")))
    }

    /// Every `t.key` the templates name.
    static func catalogKeys(in directory: URL) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"\{\{\{?[#^/]?\s*t\.([A-Za-z0-9_.]+)"#)
        var keys: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { keys.insert(String(text[range])) }
            }
        }
        return keys
    }

    /// `template` rendered with `data`; a template that is not there is a programming error
    /// caught by the router tests.
    func render(_ template: String, _ data: [String: Any]) throws -> String {
        guard let html = templates.render(data, withTemplate: template) else {
            throw ScreenResourcesError(message: "no template named \(template)")
        }
        return html
    }
}

public import Foundation

/// The screens' words, one catalog per language: the folder `Screens/strings/<language>/`, whose
/// JSON files (one per screen, flat keys such as `desk.title`) make the catalog together.
/// Simplified Chinese is the screens' language; another city translates by adding a folder. A
/// key missing from a catalog falls back to the Chinese text; a key a template uses that the
/// Chinese catalog lacks stops the gateway at its start (`ScreenResources.load`).
public struct StringCatalogs: Sendable {
    /// The language pages are written in unless the person chose another.
    public static let defaultLanguage = "zh-Hans"

    /// Each language's strings, key → text.
    public let catalogs: [String: [String: String]]
    /// The same, nested at each dot (`desk.title` → `desk` → `title`), as templates read them (`{{t.desk.title}}`).
    let nested: [String: NestedStrings]

    public init(catalogs: [String: [String: String]]) {
        self.catalogs = catalogs
        nested = catalogs.mapValues { NestedStrings($0) }
    }

    /// The catalogs in `directory` (`zh-Hans/`, `en/`, …); a key twice in one language is an error.
    public static func load(from directory: URL) throws -> StringCatalogs {
        var catalogs: [String: [String: String]] = [:]
        let manager = FileManager.default
        for folder in try manager.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        where folder.hasDirectoryPath {
            var catalog: [String: String] = [:]
            for file in try manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).sorted(by: {
                $0.path < $1.path
            }) where file.pathExtension == "json" {
                let strings = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
                try catalog.merge(strings) { _, _ in
                    throw ScreenResourcesError(
                        message:
                            "a key of \(file.lastPathComponent) is already in another file of \(folder.lastPathComponent)"
                    )
                }
            }
            catalogs[folder.lastPathComponent] = catalog
        }
        guard let chinese = catalogs[defaultLanguage] else {
            throw ScreenResourcesError(message: "no \(defaultLanguage)/ in \(directory.path)")
        }
        for (language, catalog) in catalogs where language != defaultLanguage {
            catalogs[language] = chinese.merging(catalog) { _, translated in translated }
        }
        return StringCatalogs(catalogs: catalogs)
    }

    /// The languages there are catalogs for, Chinese first.
    public var languages: [String] {
        [Self.defaultLanguage] + catalogs.keys.filter { $0 != Self.defaultLanguage }.sorted()
    }

    /// The catalog of `language`, or the Chinese one.
    public func strings(_ language: String) -> [String: String] {
        catalogs[language] ?? catalogs[Self.defaultLanguage] ?? [:]
    }

    /// The catalog of `language` (or the Chinese one) for templates.
    func templateStrings(_ language: String) -> NestedStrings {
        nested[language] ?? nested[Self.defaultLanguage] ?? NestedStrings([:])
    }

    /// The text of `key` in `language`; the key itself when no catalog has it.
    public func text(_ key: String, _ language: String) -> String {
        strings(language)[key] ?? key
    }
}

/// A screens folder that cannot be used: a missing file, a template that does not parse, a key
/// a template uses that the Chinese catalog lacks.
public struct ScreenResourcesError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

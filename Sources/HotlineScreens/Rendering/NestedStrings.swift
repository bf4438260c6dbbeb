import Mustache

/// A string catalog as templates read it: `{{t.desk.title}}` walks `desk`, then `title`, in the
/// catalog's flat key `desk.title`.
struct NestedStrings: MustacheParent, Sendable {
    let flat: [String: String]
    let prefix: String

    init(_ flat: [String: String], prefix: String = "") {
        self.flat = flat
        self.prefix = prefix
    }

    func child(named name: String) -> Any? {
        let key = prefix + name
        if let text = flat[key] { return text }
        return NestedStrings(flat, prefix: key + ".")
    }
}

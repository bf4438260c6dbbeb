import Foundation
import Hummingbird

/// The formats GeoReport v2 answers in, chosen by the path's extension (`services.xml`).
enum Open311Format: String, Sendable, CaseIterable {
    case json
    case xml

    /// The format and the name of `file` ("requests.json" → (.json, "requests")); nil when the
    /// extension is neither.
    static func split(_ file: Substring) -> (format: Open311Format, name: Substring)? {
        guard let dot = file.lastIndex(of: "."),
            let format = Open311Format(rawValue: String(file[file.index(after: dot)...]))
        else { return nil }
        return (format, file[..<dot])
    }

    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// `node` written in this format, under the XML root element `root`.
    func body(root: String, _ node: Open311Node) -> String {
        var output = ""
        switch self {
        case .json: node.json(into: &output)
        case .xml:
            output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            Open311Node.element(root, node, into: &output)
        }
        return output
    }

    /// A response carrying `node` in this format.
    func response(root: String, _ node: Open311Node, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: body(root: root, node))))
    }
}

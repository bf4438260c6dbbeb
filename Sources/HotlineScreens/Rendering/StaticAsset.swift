public import Foundation
import Hummingbird

/// A file the gateway serves under `/ui/static/`, read once at start.
struct StaticAsset: Sendable {
    var bytes: [UInt8]
    var contentType: String
    /// A digest of the bytes, for `ETag` and cache revalidation.
    var tag: String

    static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "woff2": "font/woff2", "ico": "image/x-icon", "json": "application/json",
    ]

    /// The files in `directory` (not its subfolders) whose type is known.
    static func load(from directory: URL) throws -> [String: StaticAsset] {
        var assets: [String: StaticAsset] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
            guard let type = contentTypes[file.pathExtension] else { continue }
            let bytes = [UInt8](try Data(contentsOf: file))
            // FNV-1a over the bytes: a change of content changes the tag.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            assets[file.lastPathComponent] = StaticAsset(
                bytes: bytes, contentType: type, tag: "\"\(String(hash, radix: 16))\"")
        }
        return assets
    }
}

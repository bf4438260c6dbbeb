import Foundation
import Hummingbird

/// Registers Open311 routes written as the specification writes them, with the format as the
/// last segment's extension: `requests.{format}` becomes `requests.json` and `requests.xml`;
/// `requests/{service_request_id}.{format}` one route whose last segment is split at its last dot.
/// Each handler's error becomes the specification's error list in the requested format.
struct Open311Router {
    /// A handler: the routes, the request, the last segment's name when the path has one, and
    /// the format.
    typealias Handler = @Sendable (Open311Routes.Routes, Request, String, Open311Format) async throws -> Response

    let router: Router<BasicRequestContext>
    let routes: Open311Routes.Routes

    /// Registers `handler` for `method` on `template`.
    func on(_ template: String, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        let routes = routes
        let (directory, last) = template.splitLast()
        guard last.hasPrefix("{") else {
            let name = last.replacingOccurrences(of: ".{format}", with: "")
            for format in Open311Format.allCases {
                router.on(RouterPath(directory + name + "." + format.rawValue), method: method) { request, _ in
                    await routes.answering(format) { try await handler(routes, request, "", format) }
                }
            }
            return
        }
        router.on(RouterPath(directory + "{file}"), method: method) { request, context in
            let file = Substring(context.parameters.get("file") ?? "")
            guard let (format, name) = Open311Format.split(file) else {
                return Open311Failure.notFound("add .json or .xml to the path").response(.json)
            }
            return await routes.answering(format) { try await handler(routes, request, String(name), format) }
        }
    }
}

extension Open311Routes.Routes {
    /// `work`'s response, or the error list in `format` for whatever it threw.
    func answering(_ format: Open311Format, _ work: () async throws -> Response) async -> Response {
        do {
            return try await work()
        } catch {
            return failure(error).response(format)
        }
    }
}

extension String {
    /// The path up to and including its last `/`, and its last segment.
    fileprivate func splitLast() -> (String, String) {
        guard let slash = lastIndex(of: "/") else { return ("", self) }
        return (String(self[...slash]), String(self[index(after: slash)...]))
    }
}

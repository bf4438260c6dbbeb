import Foundation
import Hummingbird

/// Reading the path and query parameters the routes share, with the problem for a bad one.
extension HotlineRequestContext {
    /// The ticket id in the path, or a 400 problem.
    func ticketId() throws -> UUID {
        try pathId(of: "ticket")
    }

    /// The group case id in the path, or a 400 problem.
    func groupCaseId() throws -> UUID {
        try pathId(of: "group case")
    }

    /// The governance task id in the path, or a 400 problem.
    func governanceTaskId() throws -> UUID {
        try pathId(of: "governance task")
    }

    /// The path parameter `id`, naming a `thing` by its UUID, or a 400 problem.
    private func pathId(of thing: String) throws -> UUID {
        let text = parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails(
                .badRequest, type: "/problems/invalid-\(thing.replacingOccurrences(of: " ", with: "-"))-id",
                title: "Invalid \(thing) id", detail: "'\(text.prefix(64))' is not a UUID")
        }
        return id
    }
}

extension Request {
    /// The query parameter `limit` as a page size clamped to 1...`maximum`, else `fallback`.
    func clampedLimit(maximum: Int, fallback: Int) -> Int {
        uri.queryParameters["limit"].flatMap { Int($0) }.map { min(max($0, 1), maximum) } ?? fallback
    }
}

/// The problem for a query parameter that is not what a route expects.
enum QueryProblem {
    static func invalid(_ name: String, _ expected: String) -> ProblemDetails {
        ProblemDetails(
            .badRequest, type: "/problems/invalid-query", title: "Invalid query parameter",
            detail: "'\(name)' must be \(expected)")
    }
}

import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Testing

/// The problem documents for requests the gateway cannot serve.
@Suite("Gateway problem documents")
struct ProblemRouteTests {
    static let actions = "/tickets/\(GatewayHarness.ticketId)/actions"

    @Test("an action without its required fields: 422 with a finding per field")
    func validation() async throws {
        try await GatewayHarness.test { client in
            let response = try await client.execute(
                uri: "\(Self.actions)/resolve", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body(#"{"note": "fixed"}"#))
            #expect(response.status == .unprocessableContent)
            #expect(
                try Problem(response)
                    == Problem(
                        type: "/problems/invalid-body", title: "The request cannot be accepted", status: 422,
                        detail: "feedback_to_caller: required for resolve; feedback_to_center: required for resolve",
                        errors: [
                            FieldFinding(field: "feedback_to_caller", detail: "required for resolve"),
                            FieldFinding(field: "feedback_to_center", detail: "required for resolve"),
                        ]))
        }
    }

    @Test("a body that is not JSON: 400; a mistyped field: 422")
    func malformedBodies() async throws {
        try await GatewayHarness.test { client in
            let notJSON = try await client.execute(
                uri: "\(Self.actions)/assign", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body("{"))
            #expect(
                try Problem(notJSON)
                    == Problem(type: "/problems/invalid-json", title: "Body is not valid JSON", status: 400))
            let mistyped = try await client.execute(
                uri: "\(Self.actions)/assign", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body(#"{"person": 7}"#))
            #expect(
                try Problem(mistyped)
                    == Problem(
                        type: "/problems/invalid-body", title: "The request cannot be accepted", status: 422,
                        detail: "wrong type at 'person'"))
        }
    }

    @Test("a ticket id that is not a UUID: 400")
    func badId() async throws {
        try await GatewayHarness.test { client in
            for (method, path) in [
                (HTTPRequest.Method.get, "/tickets/not-a-uuid"), (.post, "/tickets/not-a-uuid/actions/sign_for"),
            ] {
                let response = try await client.execute(
                    uri: path, method: method, headers: GatewayHarness.headers("admin"))
                #expect(
                    try Problem(response)
                        == Problem(
                            type: "/problems/invalid-ticket-id", title: "Invalid ticket id", status: 400,
                            detail: "'not-a-uuid' is not a UUID"))
            }
        }
    }

    @Test("an action that does not exist: 404 listing the actions")
    func unknownAction() async throws {
        try await GatewayHarness.test { client in
            let response = try await client.execute(
                uri: "\(Self.actions)/approve", method: .post, headers: GatewayHarness.headers("operator"),
                body: GatewayHarness.body("{}"))
            #expect(response.status == .notFound)
            let problem = try Problem(response)
            #expect(problem.type == "/problems/unknown-action")
            #expect(problem.title == "No such action")
            #expect(
                problem.detail
                    == "'approve' is not one of \(HandlingAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    @Test("a path the gateway does not serve: 404 problem, also without a token")
    func unservedPath() async throws {
        try await GatewayHarness.test { client in
            for token in [nil, "operator"] {
                let response = try await client.execute(
                    uri: "/nowhere", method: .get, headers: GatewayHarness.headers(token))
                #expect(
                    try Problem(response)
                        == Problem(
                            type: "/problems/not-found", title: "No such route", status: 404,
                            detail: "the gateway serves no GET /nowhere"))
            }
        }
    }

    @Test("a list query parameter out of range: 400 naming it")
    func badQuery() async throws {
        try await GatewayHarness.test { client in
            for (query, name, expected) in [
                ("limit=0", "limit", "a number from 1 to 200"),
                ("state=lost", "state", TicketState.allCases.map(\.rawValue).joined(separator: ", ")),
                ("cursor=x", "cursor", "the next_cursor of a previous page"),
            ] {
                let response = try await client.execute(
                    uri: "/tickets?\(query)", method: .get, headers: GatewayHarness.headers("operator"))
                #expect(
                    try Problem(response)
                        == Problem(
                            type: "/problems/invalid-query", title: "Invalid query parameter", status: 400,
                            detail: "'\(name)' must be \(expected)"))
            }
        }
    }
}

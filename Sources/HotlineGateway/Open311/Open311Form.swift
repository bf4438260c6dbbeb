import Foundation
import HotlineDomain
import Hummingbird

/// The parameters of an Open311 call: the query string's, then, for a POST, the
/// `application/x-www-form-urlencoded` body's.
struct Open311Form: Sendable {
    /// The largest body a POST may carry.
    static let maximumBody = 64 * 1024

    var fields: FormFields

    /// The query's parameters alone.
    init(query request: Request) {
        fields = FormFields(urlEncoded: request.uri.query ?? "")
    }

    /// The query's parameters and the body's.
    static func posted(_ request: Request) async throws -> Open311Form {
        if let type = request.headers[.contentType]?.lowercased(), !type.hasPrefix("application/x-www-form-urlencoded")
        {
            throw Open311Failure.badRequest("send the request as application/x-www-form-urlencoded")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBody)
        } catch {
            throw Open311Failure.badRequest("the request is larger than \(maximumBody) bytes")
        }
        let query = request.uri.query ?? ""
        let text = String(buffer: body)
        return Open311Form(fields: FormFields(urlEncoded: query.isEmpty ? text : query + "&" + text))
    }

    private init(fields: FormFields) {
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// The comma-separated values of `name` (`service_code=A,B`), nil when absent.
    func list(_ name: String) -> [String]? {
        guard let text = fields[name] else { return nil }
        let values = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return values.isEmpty ? nil : values
    }

    /// The date-time `name` gives, nil when absent; a 400 when it is not a W3C date-time.
    func date(_ name: String) throws -> Date? {
        guard let text = fields[name] else { return nil }
        guard let date = W3CDateTime.date(text) else {
            throw Open311Failure.badRequest("\(name) must be a W3C date-time such as 2026-12-01T00:00:00+08:00")
        }
        return date
    }

    /// The point `lat` and `long` give, nil when neither is; a 400 when only one is, or one is
    /// not a number in range.
    func point() throws -> Coordinates? {
        switch (fields["lat"], fields["long"]) {
        case (nil, nil): return nil
        case (let lat?, let long?):
            guard let latitude = Double(lat), let longitude = Double(long), (-90...90).contains(latitude),
                (-180...180).contains(longitude)
            else { throw Open311Failure.badRequest("lat and long must be WGS-84 degrees") }
            return Coordinates(latitude: latitude, longitude: longitude)
        default: throw Open311Failure.badRequest("give both lat and long, or neither")
        }
    }

    /// The answers given as `attribute[code]` (or `attribute[code][]` for several values).
    var attributes: [String: [String]] {
        var answers: [String: [String]] = [:]
        for (name, value) in fields.pairs where name.hasPrefix("attribute[") {
            let code = name.dropFirst("attribute[".count).prefix { $0 != "]" }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !code.isEmpty, !trimmed.isEmpty else { continue }
            answers[String(code), default: []].append(trimmed)
        }
        return answers
    }

    /// The parameters in one canonical form without the key, to recognise a retried POST.
    var canonicalBytes: [UInt8] {
        let pairs = fields.pairs.filter { $0.name != "api_key" }.map { "\($0.name)=\($0.value)" }.sorted()
        return Array(pairs.joined(separator: "&").utf8)
    }
}

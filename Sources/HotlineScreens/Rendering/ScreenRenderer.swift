public import Foundation
import HotlineDomain
import HotlineStorage
public import Hummingbird

/// Turns templates into responses: a page inside the common layout (header, navigation,
/// language, the form token), or a fragment a page's script fetches. Every text comes from the
/// string catalog of the person's language (`t` in the templates).
public struct ScreenRenderer: Sendable {
    public let resources: ScreenResources
    /// The tickets' clock (the shared simulated one in a simulation): countdowns run against it.
    public let clock: any HotlineClock

    public init(resources: ScreenResources, clock: any HotlineClock) {
        self.resources = resources
        self.clock = clock
    }

    /// The page `template` (which extends `layout`) titled by the catalog's `titleKey`, with `data`.
    public func page(
        _ template: String, titleKey: String, _ data: [String: Any], _ request: Request,
        _ context: ScreenRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var values = common(context)
        values["title"] = resources.strings.text(titleKey, context.language)
        values["nav"] = Navigation.items(for: context.session?.principal, current: request.uri.path).map {
            [
                "href": $0.href, "label": resources.strings.text($0.labelKey, context.language),
                "current": $0.current,
            ] as [String: Any]
        }
        values["languages"] = resources.strings.languages.map {
            [
                "code": $0, "label": resources.strings.text("language.\($0)", context.language),
                "current": $0 == context.language, "path": request.uri.path,
            ] as [String: Any]
        }
        values.merge(data) { _, new in new }
        return html(try resources.render(template, values), status: status)
    }

    /// The fragment `template` with `data` (no layout), for a page's script to put in place.
    public func fragment(
        _ template: String, _ data: [String: Any], _ context: ScreenRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        html(try resources.render(template, common(context).merging(data) { _, new in new }), status: status)
    }

    /// The catalog's text for `key` in the person's language.
    public func text(_ key: String, _ context: ScreenRequestContext) -> String {
        resources.strings.text(key, context.language)
    }

    /// What every template may use: the words, the language, the person and the form token.
    private func common(_ context: ScreenRequestContext) -> [String: Any] {
        var values: [String: Any] = [
            "t": resources.strings.templateStrings(context.language), "lang": context.language,
            "now": clock.now().formatted(.iso8601), "timeZone": CityTime.zone.identifier,
        ]
        if let session = context.session {
            let principal = session.principal
            var me: [String: Any] = [
                "name": principal.name, "role": principal.role.rawValue,
                "roleLabel": resources.strings.text("role.\(principal.role.rawValue)", context.language),
            ]
            me["unit"] = principal.unitCode
            values["me"] = me
            values["formToken"] = session.formToken
        }
        return values
    }

    private func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird

/// `GET|POST /ui/sign-in`, `POST /ui/sign-out`, `GET /ui/` (each person's first page) and
/// `GET /ui/language?to=en` (the language of the pages, kept in a cookie).
enum SignInRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        let renderer = services.renderer
        screens.get("sign-in") { request, context in
            if let principal = context.session?.principal {
                return Response.redirect(to: Navigation.home(for: principal), type: .normal)
            }
            return try renderer.page(
                "sign-in", titleKey: "sign_in.title", ["next": safeNext(request.uri.queryParameters["next"])],
                request, context)
        }
        screens.post("sign-in") { request, context in
            let form = context.form
            let credential: ScreenSignIn.Credential? =
                if let token = form["token"] {
                    .token(token)
                } else if let username = form["username"],
                    let password = context.form.pairs.first(where: {
                        $0.name == "password"
                    })?.value, !password.isEmpty
                {
                    .password(username: username, password: password)
                } else {
                    nil
                }
            let next = safeNext(form["next"].map { Substring($0) })
            guard let credential, let opened = try await services.signIn.signIn(credential) else {
                return try renderer.page(
                    "sign-in", titleKey: "sign_in.title",
                    ["next": next, "refused": true, "username": form["username"] ?? ""], request, context,
                    status: .unauthorized)
            }
            var response = Response.redirect(
                to: next.isEmpty ? Navigation.home(for: opened.session.principal) : next, type: .normal)
            let lifetime = Int(opened.session.expiresAt.timeIntervalSinceNow.rounded(.down))
            response.headers[.setCookie] = SessionCookie.opening(opened.secret, maxAge: max(lifetime, 0))
            return response
        }
        screens.post("sign-out") { request, _ in
            if let secret = SessionCookie.value(SessionCookie.name, in: request) {
                try await services.signIn.signOut(secret: secret)
            }
            var response = Response.redirect(to: "/ui/sign-in", type: .normal)
            response.headers[.setCookie] = SessionCookie.clearing
            return response
        }
        screens.get("/") { _, context in
            Response.redirect(to: Navigation.home(for: try context.principal), type: .normal)
        }
        screens.get("language") { request, _ in
            let language = request.uri.queryParameters["to"].map(String.init) ?? StringCatalogs.defaultLanguage
            guard renderer.resources.strings.languages.contains(language) else { throw ScreenError.notFound }
            var response = Response.redirect(
                to: safeNext(request.uri.queryParameters["back"]).nilIfEmpty ?? "/ui/", type: .normal)
            response.headers[.setCookie] = SessionCookie.language(language)
            return response
        }
    }

    /// A page of the screens to go to after signing in; anything else (another site, a
    /// protocol-relative `//host`) is dropped.
    static func safeNext(_ next: Substring?) -> String {
        guard let next, next.hasPrefix("/ui/"), !next.hasPrefix("//"), !next.contains("\\") else { return "" }
        return String(next)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

import Foundation
import HotlineScreens
import Hummingbird
import HummingbirdTesting
import Testing

/// Signing in to the screens, the session cookie, the form token and the pages' headers.
@Suite("Screens: sign-in, sessions and forms")
struct ScreenSessionRouteTests {
    @Test("a page without a session sends the browser to the sign-in page, naming where it was going")
    func signInFirst() async throws {
        try await ScreenHarness.test { client in
            let response = try await client.execute(uri: "/ui/?x=1", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/ui/sign-in?next=/ui/%3Fx%3D1")
            let fragment = try await client.execute(
                uri: "/ui/", method: .get, headers: [.init("X-Requested-With")!: "fetch"])
            #expect(fragment.status == .unauthorized)
        }
    }

    @Test("a wrong password, an unknown user and a disabled user get the same refusal and no cookie")
    func refusals() async throws {
        let accounts = await ScreenHarness.accounts()
        accounts.disable("analyst")
        try await ScreenHarness.test(accounts: accounts) { client in
            for body in [
                "username=operator&password=wrong", "username=nobody&password=x",
                "username=analyst&password=correct+horse+battery",
            ] {
                let response = try await client.execute(
                    uri: "/ui/sign-in", method: .post, headers: ScreenHarness.form(), body: ByteBuffer(string: body))
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("登录失败"))
            }
        }
    }

    @Test("a password sign-in sets an HttpOnly, SameSite=Strict cookie and leads to the person's first page")
    func passwordSignIn() async throws {
        try await ScreenHarness.test { client in
            let response = try await client.execute(
                uri: "/ui/sign-in", method: .post, headers: ScreenHarness.form(),
                body: ByteBuffer(string: "username=lead&password=correct+horse+battery"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/ui/units/\(GatewayHarness.township)")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("hotline_session="))
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/ui"] { #expect(cookie.contains(attribute)) }
            let home = try await client.execute(
                uri: "/ui/", method: .get, headers: [.cookie: String(cookie.split(separator: ";")[0])])
            #expect(home.headers[.location] == "/ui/units/\(GatewayHarness.township)")
        }
    }

    @Test("a token sign-in works until the token is revoked")
    func tokenSignIn() async throws {
        let accounts = await ScreenHarness.accounts()
        try await ScreenHarness.test(accounts: accounts) { client in
            let response = try await client.execute(
                uri: "/ui/sign-in", method: .post, headers: ScreenHarness.form(),
                body: ByteBuffer(string: "token=operator"))
            #expect(response.headers[.location] == "/ui/desk")
            let cookie = String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            #expect(
                try await client.execute(uri: "/ui/", method: .get, headers: [.cookie: cookie]).headers[.location]
                    == "/ui/desk")
            accounts.revoke(token: "operator")
            let after = try await client.execute(uri: "/ui/", method: .get, headers: [.cookie: cookie])
            #expect(after.headers[.location] == "/ui/sign-in?next=/ui/")
        }
    }

    @Test("sign-out needs the form token, ends the session and clears the cookie")
    func signOut() async throws {
        let accounts = await ScreenHarness.accounts()
        try await ScreenHarness.test(accounts: accounts) { client in
            let cookie = try #require(try await ScreenHarness.signIn("operator", client: client))
            let formToken = try #require(
                accounts.formToken(session: String(cookie.dropFirst("hotline_session=".count))))
            let refused = try await client.execute(
                uri: "/ui/sign-out", method: .post, headers: ScreenHarness.form(cookie: cookie),
                body: ByteBuffer(string: "form_token=forged"))
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("页面已过期"))
            let signedOut = try await client.execute(
                uri: "/ui/sign-out", method: .post, headers: ScreenHarness.form(cookie: cookie),
                body: ByteBuffer(string: "form_token=\(formToken)"))
            #expect(signedOut.headers[.location] == "/ui/sign-in")
            #expect(signedOut.headers[.setCookie]?.hasPrefix("hotline_session=; Path=/ui; Max-Age=0") == true)
            let after = try await client.execute(uri: "/ui/", method: .get, headers: [.cookie: cookie])
            #expect(after.headers[.location] == "/ui/sign-in?next=/ui/")
        }
    }

    @Test("every screen carries a strict Content-Security-Policy and no-sniff, no-frame headers")
    func securityHeaders() async throws {
        try await ScreenHarness.test { client in
            let response = try await client.execute(uri: "/ui/sign-in", method: .get)
            #expect(response.status == .ok)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'"))
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
        }
    }

    @Test("the sign-in page speaks Chinese, or English when the person chose it")
    func languages() async throws {
        try await ScreenHarness.test { client in
            let chinese = String(buffer: try await client.execute(uri: "/ui/sign-in", method: .get).body)
            #expect(chinese.contains("<html lang=\"zh-Hans\">"))
            #expect(chinese.contains("用户名"))
            let choice = try await client.execute(uri: "/ui/language?to=en&back=/ui/sign-in", method: .get)
            #expect(choice.headers[.location] == "/ui/sign-in")
            let cookie = String(try #require(choice.headers[.setCookie]).split(separator: ";")[0])
            let english = String(
                buffer: try await client.execute(uri: "/ui/sign-in", method: .get, headers: [.cookie: cookie]).body)
            #expect(english.contains("<html lang=\"en\">"))
            #expect(english.contains("Username"))
            let unknown = try await client.execute(uri: "/ui/language?to=xx", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("after signing in, only the screens' own pages are followed: another site's address is dropped")
    func nextStaysOnTheScreens() async throws {
        try await ScreenHarness.test { client in
            for (next, expected) in [
                ("/ui/review", "/ui/review"), ("//evil.example/ui/", "/ui/desk"), ("https://evil.example", "/ui/desk"),
            ] {
                let response = try await client.execute(
                    uri: "/ui/sign-in", method: .post, headers: ScreenHarness.form(),
                    body: ByteBuffer(
                        string:
                            "username=operator&password=correct+horse+battery&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                    ))
                #expect(response.headers[.location] == expected, "next \(next)")
            }
        }
    }

    @Test("a form posted from another site is refused even with the right form token")
    func crossSite() async throws {
        let accounts = await ScreenHarness.accounts()
        try await ScreenHarness.test(accounts: accounts) { client in
            let cookie = try #require(try await ScreenHarness.signIn("operator", client: client))
            let formToken = try #require(
                accounts.formToken(session: String(cookie.dropFirst("hotline_session=".count))))
            let refused = try await client.execute(
                uri: "/ui/sign-out", method: .post,
                headers: ScreenHarness.form(cookie: cookie, origin: "http://evil.example"),
                body: ByteBuffer(string: "form_token=\(formToken)"))
            #expect(refused.status == .forbidden)
            let session = try await client.execute(uri: "/ui/", method: .get, headers: [.cookie: cookie])
            #expect(session.headers[.location] == "/ui/desk")
        }
    }

    @Test("static files are served with their type and an ETag that answers 304 when unchanged")
    func staticFiles() async throws {
        try await ScreenHarness.test { client in
            let script = try await client.execute(uri: "/ui/static/screens.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            let tag = try #require(script.headers[.eTag])
            let again = try await client.execute(
                uri: "/ui/static/screens.js", method: .get, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(try await client.execute(uri: "/ui/static/nothing.js", method: .get).status == .notFound)
        }
    }
}

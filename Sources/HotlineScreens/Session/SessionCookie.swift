import Foundation
import HotlineStorage
public import Hummingbird

/// The cookies the screens set: the session's secret (HttpOnly, SameSite=Strict, for `/ui`
/// only) and the chosen language.
public enum SessionCookie {
    /// The session cookie's name.
    public static let name = "hotline_session"
    /// The language cookie's name.
    public static let languageName = "hotline_lang"

    /// The value of cookie `name` in `request`, if any.
    public static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// `Set-Cookie` for a session's `secret`, living `maxAge` seconds.
    public static func opening(_ secret: String, maxAge: Int) -> String {
        "\(name)=\(secret); Path=/ui; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
    }

    /// `Set-Cookie` that removes the session cookie.
    public static var clearing: String {
        "\(name)=; Path=/ui; Max-Age=0; HttpOnly; SameSite=Strict"
    }

    /// `Set-Cookie` for the chosen language (a year; not secret, but never sent cross-site).
    public static func language(_ code: String) -> String {
        "\(languageName)=\(code); Path=/ui; Max-Age=31536000; SameSite=Strict"
    }
}

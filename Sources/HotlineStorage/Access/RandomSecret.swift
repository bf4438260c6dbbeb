public import Foundation

/// Secrets handed to people (API tokens, the screens' sessions and form tokens): 32 bytes from
/// the system's random source, URL-safe base64 without padding.
public enum RandomSecret {
    /// A new secret.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

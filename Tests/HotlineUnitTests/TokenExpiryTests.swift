import Foundation
import HotlineDomain
import Testing

/// `hotline tokens create --expires`: durations, days and instants (`TokenExpiry`).
@Suite("Token expiry")
struct TokenExpiryTests {
    /// 2026-12-03T04:00:00Z, noon in Beijing.
    static let now = Date(timeIntervalSince1970: 1_796_270_400)
    static let beijing = TimeZone(identifier: "Asia/Shanghai")!

    static func parse(_ text: String) throws(TokenExpiry.Refusal) -> Date {
        try TokenExpiry.parse(text, now: now, timeZone: beijing)
    }

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test("a duration counts days or hours from now")
    func durations() throws {
        #expect(try Self.parse("90d") == Self.now.addingTimeInterval(90 * 86_400))
        #expect(try Self.parse("12h") == Self.now.addingTimeInterval(12 * 3_600))
        #expect(try Self.parse(" 1h ") == Self.now.addingTimeInterval(3_600))
    }

    @Test("a day means its first instant in the city's time zone")
    func days() throws {
        #expect(try Self.parse("2027-06-30") == Self.instant("2027-06-29T16:00:00Z"))
        #expect(
            try TokenExpiry.parse("2027-06-30", now: Self.now, timeZone: TimeZone(identifier: "UTC")!)
                == Self.instant("2027-06-30T00:00:00Z"))
    }

    @Test("an instant keeps its own offset")
    func instants() throws {
        #expect(try Self.parse("2027-06-30T18:00:00+08:00") == Self.instant("2027-06-30T10:00:00Z"))
        #expect(try Self.parse("2027-06-30T18:00:00Z") == Self.instant("2027-06-30T18:00:00Z"))
    }

    @Test(
        "anything else is refused with what is accepted",
        arguments: [
            "", "90", "d", "0d", "-5d", "+5d", "5w", "1.5d", "100000d", "2027-6-30", "2027-02-30", "2027-13-01",
            "2027-06-30T18:00:00", "30/06/2027", "tomorrow",
        ])
    func malformed(text: String) {
        let refusal = #expect(throws: TokenExpiry.Refusal.self) { try Self.parse(text) }
        #expect(refusal?.description.contains("write a duration (90d, 12h), a day (2027-06-30)") == true)
    }

    @Test("an expiry that is already past is refused", arguments: ["2026-12-03", "2026-12-03T11:59:59+08:00"])
    func past(text: String) {
        #expect(
            throws: TokenExpiry.Refusal(description: "'\(text)' is already past: a token must expire in the future")
        ) {
            try Self.parse(text)
        }
    }
}

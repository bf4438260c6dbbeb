import Foundation
import HotlineDomain
import HotlineScreens
import HotlineServices
import HotlineStorage
import Hummingbird
import HummingbirdTesting
import Logging

/// The screens over the gateway's in-memory use cases and in-memory accounts, called without a
/// socket, with the repository's own `Screens/` folder.
enum ScreenHarness {
    static let password = "correct horse battery"
    /// bcrypt at its lowest cost, so the tests stay fast; the platform's cost is `PasswordHashing().cost`.
    static let passwords = PasswordHashing(cost: 4)

    /// The repository's `Screens/` folder.
    static let screensDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Screens")

    /// One password user per principal of `GatewayHarness.tokens` (username = the token's name),
    /// and the same principals as API tokens.
    static func accounts() async -> InMemoryScreenAccounts {
        let hash = await passwords.hash(password)
        return InMemoryScreenAccounts(
            users: GatewayHarness.tokens.mapValues { InMemoryScreenAccounts.User(principal: $0, passwordHash: hash) },
            tokens: GatewayHarness.tokens)
    }

    /// Runs `test` against the screens (and the API) over `accounts` and `tickets` (the gateway
    /// harness's fixture ticket when nil).
    static func test(
        accounts: InMemoryScreenAccounts? = nil, tickets: InMemoryTicketRepository? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var signInAccounts = accounts
        if signInAccounts == nil { signInAccounts = await Self.accounts() }
        let api = try GatewayHarness.services(tickets)
        let clock = SystemClock()
        let zone = TimeZone(secondsFromGMT: 8 * 3600)!
        let ranking = MonthlyRanking(
            repository: NoLeaderReports(), reference: GatewayHarness.NoReference(), clock: clock, timeZone: zone)
        let screens = ScreenServices(
            api: api, signIn: ScreenSignIn(accounts: signInAccounts!, passwords: passwords, clock: clock),
            renderer: ScreenRenderer(resources: try ScreenResources.load(from: screensDirectory), clock: clock),
            bigScreen: BigScreenBoard(
                repository: NoLeaderReports(), ranking: ranking, centres: [], clock: clock, timeZone: zone),
            ranking: ranking)
        let router = Router()
        ScreenRoutes.add(to: router, screens, logger: Logger(label: "screen-tests"))
        try await Application(router: router).test(.router, test)
    }

    /// Signs `username` in with the harness password; returns the session cookie (`name=value`).
    static func signIn(_ username: String, client: some TestClientProtocol) async throws -> String? {
        let response = try await client.execute(
            uri: "/ui/sign-in", method: .post, headers: form(),
            body: ByteBuffer(
                string: "username=\(username)&password=\(password.replacingOccurrences(of: " ", with: "+"))"))
        return response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
    }

    /// Headers of a form post from the gateway's own pages, with `cookie`.
    static func form(cookie: String? = nil, origin: String? = nil) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        return headers
    }

    /// The form token a page carries (`<meta name="form-token">`).
    static func formToken(in page: TestResponse) -> String? {
        let html = String(buffer: page.body)
        guard let start = html.range(of: #"<meta name="form-token" content=""#) else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }
}

/// The leaders' figures, which the session tests never reach.
struct NoLeaderReports: LeaderReportsRepository {
    struct Unavailable: Error {}
    func intake(day: Range<Date>, month: Range<Date>) async throws -> BigScreenFigures.Intake { throw Unavailable() }
    func latest(limit: Int, until now: Date) async throws -> [BigScreenFigures.LatestTicket] { throw Unavailable() }
    func townshipLoads(from start: Date, to end: Date) async throws -> [BigScreenFigures.TownshipLoad] {
        throw Unavailable()
    }
    func report(period: String, start: Date, end: Date, previousStart: Date) async throws -> PeriodReport {
        throw Unavailable()
    }
    func assessmentFigures(
        month: CalendarDay
    ) async throws -> (
        units: [String: UnitFigures], districts: [String: UnitFigures]
    ) { throw Unavailable() }
    func ranks(month: CalendarDay) async throws -> [String: Int] { throw Unavailable() }
}

import HotlineDomain
import HotlineGateway
public import HotlineRuntime
import HotlineServices
import HotlineStorage

/// The intake gateway as it runs: the API (`IntakeGateway`) and, on the same router and over
/// the same use cases, the screens under `/ui/`.
public enum GatewayWithScreens {
    /// The gateway's workers and routes with the screens from `HOTLINE_SCREENS_DIR`; a screens
    /// folder that cannot be used stops the gateway at its start, naming what is wrong.
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let renderer = ScreenRenderer(
            resources: try ScreenResources.load(from: resources.settings.screensDirectory), clock: resources.clock)
        // Sessions are about people at work, so they run on the machine's clock, not a simulated one.
        let signIn = ScreenSignIn(
            accounts: PostgresScreenAccounts(database: resources.database, logger: resources.logger),
            clock: SystemClock())
        let leaders = CachedLeaderReports(
            PostgresLeaderReportsRepository(database: resources.database, logger: resources.logger))
        let centres = try DistrictCentre.centres(schemaDirectory: resources.settings.schemaDirectory)
        return try IntakeGateway.parts(resources) { router, api in
            let ranking = MonthlyRanking(
                repository: leaders, reference: api.reference, clock: resources.clock,
                timeZone: resources.settings.timeZone)
            let bigScreen = BigScreenBoard(
                repository: leaders, ranking: ranking, centres: centres, clock: resources.clock,
                timeZone: resources.settings.timeZone)
            ScreenRoutes.add(
                to: router,
                ScreenServices(
                    api: api, signIn: signIn, renderer: renderer, bigScreen: bigScreen, ranking: ranking),
                logger: resources.logger)
        }
    }
}

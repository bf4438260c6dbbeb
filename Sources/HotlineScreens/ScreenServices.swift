public import HotlineGateway
public import HotlineServices

/// What the screens call: the API's use cases (the same ones, so pages and API follow one set of
/// rules), the sign-in, the leaders' figures (big screen, ranking) and the renderer over `Screens/`.
public struct ScreenServices: Sendable {
    public var api: GatewayServices
    public var signIn: ScreenSignIn
    public var renderer: ScreenRenderer
    /// The big screen's figures.
    public var bigScreen: BigScreenBoard
    /// The monthly assessment ranking.
    public var ranking: MonthlyRanking

    public init(
        api: GatewayServices, signIn: ScreenSignIn, renderer: ScreenRenderer, bigScreen: BigScreenBoard,
        ranking: MonthlyRanking
    ) {
        self.api = api
        self.signIn = signIn
        self.renderer = renderer
        self.bigScreen = bigScreen
        self.ranking = ranking
    }
}

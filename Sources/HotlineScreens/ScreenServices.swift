public import HotlineGateway
public import HotlineServices

/// What the screens call: the API's use cases (the same ones, so pages and API follow one set of
/// rules), the sign-in, and the renderer over `Screens/`.
public struct ScreenServices: Sendable {
    public var api: GatewayServices
    public var signIn: ScreenSignIn
    public var renderer: ScreenRenderer

    public init(api: GatewayServices, signIn: ScreenSignIn, renderer: ScreenRenderer) {
        self.api = api
        self.signIn = signIn
        self.renderer = renderer
    }
}

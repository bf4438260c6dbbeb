public import HotlineDomain
public import HotlineGateway
public import HotlineStorage
public import Hummingbird

/// The request context of every screen: Hummingbird's context, the signed-in session (set by
/// `ScreenSessionMiddleware`), the fields of a submitted form and the language to answer in.
public struct ScreenRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The open session; nil only on the sign-in page and the static files.
    public var session: ScreenSessionStore.Open?
    /// A submitted form's fields (URL-encoded body), empty for other requests.
    public var form = FormFields()
    /// The catalog the page is written from (`zh-Hans` unless the person chose another).
    public var language = StringCatalogs.defaultLanguage

    public init(context: BasicRequestContext) {
        coreContext = context.coreContext
    }

    /// The signed-in person; a 401 screen error when there is none.
    public var principal: Principal {
        get throws {
            guard let session else { throw ScreenError.signInRequired }
            return session.principal
        }
    }
}

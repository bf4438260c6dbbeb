import HotlineStorage
import Hummingbird

/// `GET /ui/static/{file}`: the screens' scripts, style sheets and images, from memory, with an
/// `ETag` so a browser revalidates instead of downloading again.
enum StaticRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        let assets = services.renderer.resources.assets
        screens.get("static/{file}") { request, context in
            guard let name = context.parameters.get("file"), let asset = assets[name] else {
                throw ScreenError.notFound
            }
            if request.headers[.ifNoneMatch] == asset.tag {
                return Response(status: .notModified, headers: [.eTag: asset.tag])
            }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .eTag: asset.tag, .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }
}

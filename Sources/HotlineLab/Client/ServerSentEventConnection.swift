import NIOCore
import NIOHTTP1
import NIOPosix

/// One event of a Server-Sent Events stream (comments and `retry:` fields are not events).
package struct ServerSentEvent: Sendable, Equatable {
    package var id: String?
    package var event: String?
    package var data: String
}

/// One open `GET` of a Server-Sent Events stream over NIO: the status, then each event handed to
/// `onEvent` on the connection's event loop as soon as its bytes arrive. Cheap enough to hold
/// thousands at once (the inbox benchmark) and simple enough for tests.
package struct ServerSentEventConnection: Sendable {
    /// The response's status.
    package let status: Int
    private let channel: any Channel

    /// Raised when the server closes the connection before answering.
    package struct Closed: Error {}

    /// Opens `path` on `host:port` with `headers` and returns once the response's head arrived.
    package static func open(
        host: String, port: Int, path: String, headers: [(String, String)],
        group: MultiThreadedEventLoopGroup = .singleton, onEvent: @escaping @Sendable (ServerSentEvent) -> Void
    ) async throws -> ServerSentEventConnection {
        let (channel, answer) = try await ClientBootstrap(group: group)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let status = channel.eventLoop.makePromise(of: Int.self)
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(EventParser(status: status, onEvent: onEvent))
                    return (channel, status.futureResult)
                }
            }
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: host)
        head.headers.add(name: "Accept", value: "text/event-stream")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil))
        let status = try await answer.get()
        return ServerSentEventConnection(status: status, channel: channel)
    }

    /// Waits until the server ends the stream (or the connection drops).
    package func ended() async throws {
        try await channel.closeFuture.get()
    }

    /// Closes the connection.
    package func close() async {
        try? await channel.close()
    }

    /// Splits the response body into events (blocks ended by a blank line) and hands them on;
    /// closes the connection when the response ends.
    private final class EventParser: ChannelInboundHandler {
        typealias InboundIn = HTTPClientResponsePart

        private let status: EventLoopPromise<Int>
        private let onEvent: @Sendable (ServerSentEvent) -> Void
        private var pending: [UInt8] = []
        private var answered = false

        init(status: EventLoopPromise<Int>, onEvent: @escaping @Sendable (ServerSentEvent) -> Void) {
            self.status = status
            self.onEvent = onEvent
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                answered = true
                status.succeed(Int(head.status.code))
            case .body(let chunk):
                pending += chunk.readableBytesView
                dispatchCompleteEvents()
            case .end:
                context.close(promise: nil)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            if !answered { status.fail(Closed()) }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            if !answered { status.fail(error) }
            context.close(promise: nil)
        }

        private func dispatchCompleteEvents() {
            let blankLine: [UInt8] = [10, 10]
            while let end = pending.firstRange(of: blankLine) {
                let block = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                pending.removeSubrange(..<end.upperBound)
                if let event = Self.event(block) { onEvent(event) }
            }
        }

        /// The event a block of lines describes; nil for a block without data (a comment, a retry hint).
        private static func event(_ block: String) -> ServerSentEvent? {
            var event = ServerSentEvent(id: nil, event: nil, data: "")
            var hasData = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix(":") {
                let field = line.prefix { $0 != ":" }
                var value = line.dropFirst(field.count).dropFirst()
                if value.hasPrefix(" ") { value = value.dropFirst() }
                switch field {
                case "id": event.id = String(value)
                case "event": event.event = String(value)
                case "data":
                    if hasData { event.data += "\n" }
                    event.data += value
                    hasData = true
                default: continue
                }
            }
            return hasData ? event : nil
        }
    }
}

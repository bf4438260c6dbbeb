public import NIOCore
public import NIOHTTP1
public import NIOPosix

/// One keep-alive HTTP/1.1 client connection, sending requests one after another: the trace
/// exporter's, and the load generator's (far cheaper per request than URLSession, so the
/// generator is not what limits the measured rate).
public struct HTTPConnection {
    public typealias Channel = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

    /// A response: its status, headers and body.
    public struct Reply: Sendable {
        public var status: Int
        public var headers = HTTPHeaders()
        public var body: ByteBuffer
    }

    /// Raised when the server closes the connection before answering.
    public struct Closed: Error {}

    /// Connects to `host:port` and runs `session` with the open connection; closes it afterwards.
    public static func session<T: Sendable>(
        host: String, port: Int, group: MultiThreadedEventLoopGroup, _ session: (inout Exchange) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try Channel(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var exchange = Exchange(host: host, responses: inbound.makeAsyncIterator(), requests: outbound)
            return try await session(&exchange)
        }
    }

    /// Request and response over one open connection.
    public struct Exchange {
        let host: String
        var responses: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
        let requests: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

        public mutating func send(
            _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: ByteBuffer? = nil,
            contentType: String = "application/json"
        ) async throws -> Reply {
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
            head.headers.add(name: "Host", value: host)
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            if let body {
                head.headers.add(name: "Content-Type", value: contentType)
                head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            }
            try await requests.write(.head(head))
            if let body { try await requests.write(.body(.byteBuffer(body))) }
            try await requests.write(.end(nil))

            var status = 0
            var responseHeaders = HTTPHeaders()
            var received = ByteBuffer()
            while let part = try await responses.next() {
                switch part {
                case .head(let response):
                    status = Int(response.status.code)
                    responseHeaders = response.headers
                case .body(var chunk): received.writeBuffer(&chunk)
                case .end: return Reply(status: status, headers: responseHeaders, body: received)
                }
            }
            throw Closed()
        }
    }
}

import Foundation
import HotlineDomain
import HotlineServices
import Hummingbird

/// The Server-Sent Events of an inbox stream: one event per item (`id:` its position, `event:`
/// its kind, `data:` the item as `GET /units/{code}/inbox` shows it, on one line), a comment
/// line as a keep-alive, and the reconnection delay hint that opens the stream.
enum InboxStreamEvent {
    /// How long an `EventSource` waits before reconnecting, in milliseconds.
    static let retryMilliseconds = 3_000

    /// The first bytes of every stream: the reconnection delay.
    static var opening: ByteBuffer { ByteBuffer(string: "retry: \(retryMilliseconds)\n\n") }

    /// `event` as SSE bytes.
    static func encoded(_ event: InboxFeed.Event) throws -> ByteBuffer {
        switch event {
        case .heartbeat:
            return ByteBuffer(string: ": keep-alive\n\n")
        case .item(let item):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var buffer = ByteBuffer(string: "id: \(item.position)\nevent: \(item.kind.rawValue)\ndata: ")
            // JSON without pretty printing is one line: newlines inside strings are escaped.
            buffer.writeBytes(try encoder.encode(InboxItemView(item)))
            buffer.writeString("\n\n")
            return buffer
        }
    }
}

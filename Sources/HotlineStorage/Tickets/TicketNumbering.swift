public import HotlineDomain
public import Logging
public import PostgresNIO
import Synchronization

/// Gives out ticket numbers from blocks reserved in the day's counter
/// (`TicketStore.reserveNumbers`), so that the intake writes the counter once per block instead
/// of once per ticket. Numbers reserved and not given out when the process stops are skipped.
public final class TicketNumbering: Sendable {
    /// Numbers reserved at once.
    public let blockSize: Int
    private let client: PostgresClient
    private let logger: Logger
    private let reserved = Mutex(ReservedTicketNumbers())

    /// Numbering from `client`'s counter (a pool with `TicketStore.numberingSettings`), `blockSize`
    /// numbers reserved at a time.
    public init(client: PostgresClient, blockSize: Int = 32, logger: Logger) {
        precondition(blockSize > 0, "a block holds at least one number")
        self.client = client
        self.blockSize = blockSize
        self.logger = logger
    }

    /// The next number of `day`: one reserved earlier, or the first of a new block. Concurrent
    /// callers that find none left each reserve a block and keep what they do not use.
    public func next(on day: CalendarDay) async throws -> TicketNumber {
        if let number = reserved.withLock({ $0.take(on: day) }) { return number }
        let block = try await TicketStore.reserveNumbers(blockSize, on: day, client: client, logger: logger)
        if block.count > 1 { reserved.withLock { $0.add(block.lowerBound + 1...block.upperBound, on: day) } }
        return TicketNumber(day: day, sequence: block.lowerBound)
    }
}

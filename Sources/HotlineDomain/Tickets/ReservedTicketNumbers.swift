/// The ticket numbers a process has reserved in the day's counter and not yet given out. The
/// intake reserves numbers in blocks, so the counter is written once per block instead of once per
/// ticket; numbers reserved and never given out (the process stopped, the day ended) are skipped.
/// A day's sequence may so have gaps, never a number twice.
public struct ReservedTicketNumbers: Sendable {
    /// The day the reserved numbers belong to.
    public private(set) var day: CalendarDay?
    /// Blocks of sequences not yet given out, the lowest first.
    private var blocks: [ClosedRange<Int>] = []

    public init() {}

    /// The lowest number reserved for `day`, now given out; nil when none is left. Numbers
    /// reserved for an earlier day are dropped.
    public mutating func take(on day: CalendarDay) -> TicketNumber? {
        guard self.day == day, let first = blocks.first else { return nil }
        if first.count == 1 {
            blocks.removeFirst()
        } else {
            blocks[0] = first.lowerBound + 1...first.upperBound
        }
        return TicketNumber(day: day, sequence: first.lowerBound)
    }

    /// Keeps `block`, reserved for `day`, to give out. A block of a day before the one kept is
    /// dropped; one of a later day replaces it.
    public mutating func add(_ block: ClosedRange<Int>, on day: CalendarDay) {
        if let kept = self.day, day < kept { return }
        if self.day != day {
            self.day = day
            blocks = []
        }
        let index = blocks.firstIndex { $0.lowerBound > block.lowerBound } ?? blocks.endIndex
        blocks.insert(block, at: index)
    }
}

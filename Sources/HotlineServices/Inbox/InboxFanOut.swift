public import HotlineDomain

/// Who follows which unit's inbox live, and the feed's place in commit order: the state the
/// `InboxFeed` guards with its lock. Each follower has a bounded buffer; one that is full when
/// an event arrives is dropped (its stream ends, and its client resumes with `Last-Event-ID`).
struct InboxFanOut {
    typealias Follower = AsyncStream<InboxFeed.Event>.Continuation

    /// The position of the last item handed out; nil before the feed's first read.
    private(set) var position: InboxPosition?
    private var followers: [String: [Int: Follower]] = [:]
    private var nextFollower = 0
    /// Whether the feed has stopped (it accepts no followers then).
    private(set) var closed = false

    /// How many followers there are, over every unit.
    var count: Int { followers.values.reduce(0) { $0 + $1.count } }

    /// Registers `follower` for `unit`; returns its key, or nil when the feed has stopped.
    mutating func add(_ follower: Follower, of unit: String) -> Int? {
        guard !closed else { return nil }
        nextFollower += 1
        followers[unit, default: [:]][nextFollower] = follower
        return nextFollower
    }

    /// Forgets follower `key` of `unit` (a client that left, or one already dropped).
    mutating func remove(_ key: Int, of unit: String) {
        followers[unit]?[key] = nil
        if followers[unit]?.isEmpty == true { followers[unit] = nil }
    }

    /// Sets where the feed starts, before its first items.
    mutating func start(at position: InboxPosition) {
        self.position = position
    }

    /// Hands `items` (in commit order, after `position`) to the followers of their units; returns
    /// the followers whose buffer was full, already removed, for the caller to finish outside the lock.
    mutating func publish(_ items: [InboxItem]) -> [Follower] {
        var full: [Follower] = []
        for item in items {
            position = item.position
            for (key, follower) in followers[item.unitCode] ?? [:] {
                if case .dropped = follower.yield(.item(item)) {
                    remove(key, of: item.unitCode)
                    full.append(follower)
                }
            }
        }
        return full
    }

    /// Hands a keep-alive to every follower; returns those whose buffer was full, already removed.
    mutating func heartbeat() -> [Follower] {
        var full: [Follower] = []
        for (unit, keyed) in followers {
            for (key, follower) in keyed {
                if case .dropped = follower.yield(.heartbeat) {
                    remove(key, of: unit)
                    full.append(follower)
                }
            }
        }
        return full
    }

    /// Stops the feed: returns every follower, removed, and accepts no new ones.
    mutating func close() -> [Follower] {
        closed = true
        let all = followers.values.flatMap(\.values)
        followers = [:]
        return all
    }
}

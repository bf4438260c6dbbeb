/// A hash table from 64-bit keys to small plain values, for the classifier's hot lookups: feature
/// keys (already FNV hashes) to feature indices, words to their probabilities, global to local
/// feature indices. Open addressing with linear probing and Fibonacci hashing: a lookup costs a
/// multiply and usually one probe, against the seeded hashing `Dictionary` spends on every key,
/// and a request makes several hundred lookups. Entries are never removed.
struct KeyTable<Value: BitwiseCopyable & Sendable>: Sendable {
    /// `Self.freeSlot` marks a free slot; the entry whose key is that value itself is kept apart.
    private var keys: [UInt64]
    /// Empty until the first entry, then one per slot (free slots hold a copy of some value).
    private var values: [Value] = []
    private var freeSlotKeyValue: Value?
    /// 64 minus log2 of the slot count: the hash's top bits pick the slot.
    private var shift: UInt64
    private(set) var count = 0

    private static var freeSlot: UInt64 { .max }

    /// An empty table with room for `capacity` entries before it grows.
    init(capacity: Int = 0) {
        var slots = 8
        while slots * 3 < capacity * 4 { slots *= 2 }
        keys = [UInt64](repeating: Self.freeSlot, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    /// The value of `key`, if the table holds it.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        if key == Self.freeSlot { return freeSlotKeyValue }
        guard !values.isEmpty else { return nil }
        let slot = slot(of: key)
        return keys[slot] == key ? values[slot] : nil
    }

    /// The slot holding `key`, or the free slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
        while keys[slot] != key && keys[slot] != Self.freeSlot { slot = (slot + 1) & mask }
        return slot
    }

    /// Sets the value of `key`, replacing the one it had.
    mutating func set(_ value: Value, for key: UInt64) {
        if key == Self.freeSlot {
            if freeSlotKeyValue == nil { count += 1 }
            freeSlotKeyValue = value
            return
        }
        if values.isEmpty { values = [Value](repeating: value, count: keys.count) }
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let slot = slot(of: key)
        if keys[slot] == Self.freeSlot { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != Self.freeSlot }
        let slots = keys.count * 2
        keys = [UInt64](repeating: Self.freeSlot, count: slots)
        values = [Value](repeating: values[0], count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        count = freeSlotKeyValue == nil ? 0 : 1
        for (key, value) in old { set(value, for: key) }
    }

    /// The bytes the table's slots take.
    var memoryBytes: Int { keys.count * MemoryLayout<UInt64>.size + values.count * MemoryLayout<Value>.stride }
}

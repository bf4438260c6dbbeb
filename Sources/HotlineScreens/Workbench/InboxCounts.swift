import HotlineDomain

/// The inbox's open (unacknowledged) items by kind, every kind listed in the enum's order so the
/// live script can count up any of them, with the kind the list is narrowed to marked.
enum InboxCounts {
    /// The counts as template data.
    static func data(_ open: [InboxKind: Int], selected: InboxKind?, words: TicketWords) -> [[String: Any]] {
        InboxKind.allCases.map { kind in
            [
                "kind": kind.rawValue, "label": words.kind(kind), "count": open[kind] ?? 0,
                "selected": kind == selected, "none": (open[kind] ?? 0) == 0,
            ]
        }
    }
}

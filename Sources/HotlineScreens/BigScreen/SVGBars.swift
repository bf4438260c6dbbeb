/// A horizontal bar chart drawn by the server as SVG (presentation attributes only, no inline
/// style, no chart library): one row per item, its label, its bar scaled to the largest, its count.
struct SVGBars {
    /// One bar: what it counts and how many.
    struct Item {
        var label: String
        var count: Int
    }

    /// The height of a row and the space the label and the count take, in SVG units.
    static let rowHeight = 26
    static let labelWidth = 150
    static let barSpace = 230
    static let width = labelWidth + barSpace + 60

    var items: [Item]

    /// The chart as template data: its `width`, `height` and `bars` (label, count, coordinates).
    var data: [String: Any] {
        let largest = max(items.map(\.count).max() ?? 0, 1)
        let bars: [[String: Any]] = items.enumerated().map { index, item in
            let top = index * Self.rowHeight
            let length = max(item.count > 0 ? 2 : 0, item.count * Self.barSpace / largest)
            return [
                "label": item.label, "count": item.count, "y": top + 4, "textY": top + 18, "width": length,
                "barX": Self.labelWidth, "countX": Self.labelWidth + length + 6,
            ]
        }
        return [
            "width": Self.width, "height": max(items.count * Self.rowHeight, Self.rowHeight), "bars": bars,
            "empty": items.isEmpty,
        ]
    }
}

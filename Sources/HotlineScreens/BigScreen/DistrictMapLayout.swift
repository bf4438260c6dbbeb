import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage

/// The big screen's map drawn as SVG without boundary files: each district a square cluster of
/// cells, one per township, placed at the district's centre (longitude and latitude projected
/// to the screen) and nudged apart where clusters would overlap (the inner districts lie close
/// together); a cell's size grows with the township's tickets this month, its colour with the
/// share of them overdue.
struct DistrictMapLayout {
    static let width = 760.0
    static let height = 600.0
    /// Space kept free at the edges (for the labels).
    static let margin = 30.0
    /// The room one township's cell takes.
    static let pitch = 12.0
    /// The fills of a cell: no tickets, none overdue, some overdue, many (a tenth or more) overdue.
    static let idleFill = "#33455e"
    static let calmFill = "#3fa36b"
    static let someOverdueFill = "#e0b020"
    static let manyOverdueFill = "#e05050"

    var districts: [BigScreenBoard.DistrictLoad]

    /// The map as template data: `width`, `height`, `districts` (label and `cells`) and `legend`,
    /// the legend's words from `text`.
    func data(text: (String) -> String) -> [String: Any] {
        let sides = districts.map { ceil(Double($0.townships.count).squareRoot()) * Self.pitch }
        let centres = separated(projected(), sides: sides)
        let largest = max(districts.flatMap(\.townships).map(\.received).max() ?? 0, 1)
        let drawn: [[String: Any]] = districts.indices.map { index in
            let district = districts[index]
            let columns = max(Int(ceil(Double(district.townships.count).squareRoot())), 1)
            let (left, top) = (centres[index].x - sides[index] / 2, centres[index].y - sides[index] / 2)
            let cells: [[String: Any]] = district.townships.enumerated().map { position, township in
                let size = 3 + (Self.pitch - 4) * (Double(township.received) / Double(largest)).squareRoot()
                let x = left + Double(position % columns) * Self.pitch + (Self.pitch - size) / 2
                let y = top + Double(position / columns) * Self.pitch + (Self.pitch - size) / 2
                return [
                    "code": township.code, "name": township.name, "received": township.received,
                    "overdue": township.overdue, "x": Self.number(x), "y": Self.number(y), "size": Self.number(size),
                    "fill": Self.fill(township.received, overdue: township.overdue),
                ]
            }
            return [
                "code": district.centre.code, "name": district.centre.name, "cells": cells,
                "received": district.townships.map(\.received).reduce(0, +),
                "overdue": district.townships.map(\.overdue).reduce(0, +),
                "labelX": Self.number(centres[index].x), "labelY": Self.number(top + sides[index] + 14),
            ]
        }
        return [
            "width": Int(Self.width), "height": Int(Self.height), "districts": drawn,
            "legend": [
                ("idle", Self.idleFill), ("calm", Self.calmFill), ("some", Self.someOverdueFill),
                ("many", Self.manyOverdueFill),
            ].enumerated().map { index, entry in
                [
                    "fill": entry.1, "label": text("big_screen.map_legend.\(entry.0)"), "y": index * 20,
                    "textY": index * 20 + 11,
                ] as [String: Any]
            },
        ]
    }

    /// The districts' centres on the screen: longitude shrunk by the cosine of the latitude,
    /// north up, the whole fitted inside the margins.
    private func projected() -> [(x: Double, y: Double)] {
        let middle = districts.map(\.centre.latitude).reduce(0, +) / Double(max(districts.count, 1))
        let shrink = cos(middle * .pi / 180)
        let points = districts.map { ($0.centre.longitude * shrink, -$0.centre.latitude) }
        guard let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(), let minY = points.map(\.1).min(),
            let maxY = points.map(\.1).max()
        else { return [] }
        let inset = Self.margin + 40
        let scale = min(
            (Self.width - 2 * inset) / max(maxX - minX, 1e-6), (Self.height - 2 * inset) / max(maxY - minY, 1e-6))
        return points.map { (x: inset + ($0.0 - minX) * scale, y: inset + ($0.1 - minY) * scale) }
    }

    /// `points` moved apart, a little at a time, until no two clusters (squares of `sides`) touch,
    /// kept inside the margins.
    private func separated(_ points: [(x: Double, y: Double)], sides: [Double]) -> [(x: Double, y: Double)] {
        var points = points
        for _ in 0..<300 {
            var moved = false
            for i in points.indices {
                for j in points.indices where j > i {
                    let needed = (sides[i] + sides[j]) / 2 + 22
                    let (dx, dy) = (points[j].x - points[i].x, points[j].y - points[i].y)
                    let distance = max(abs(dx), abs(dy))
                    guard distance < needed else { continue }
                    let length = max((dx * dx + dy * dy).squareRoot(), 1e-6)
                    let push = (needed - distance) / 2 + 0.5
                    let (ux, uy) = length < 1e-3 ? (1.0, 0.0) : (dx / length, dy / length)
                    points[i] = (points[i].x - ux * push, points[i].y - uy * push)
                    points[j] = (points[j].x + ux * push, points[j].y + uy * push)
                    moved = true
                }
            }
            for i in points.indices {
                let half = sides[i] / 2
                points[i] = (
                    min(max(points[i].x, Self.margin + half), Self.width - Self.margin - half),
                    min(max(points[i].y, Self.margin + half), Self.height - Self.margin - half - 14)
                )
            }
            if !moved { break }
        }
        return points
    }

    private static func fill(_ received: Int, overdue: Int) -> String {
        if received == 0 { return idleFill }
        if overdue == 0 { return calmFill }
        return overdue * 10 >= received ? manyOverdueFill : someOverdueFill
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}

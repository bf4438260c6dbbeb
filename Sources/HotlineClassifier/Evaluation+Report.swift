import Foundation

extension Evaluation {
    /// The evaluation as `hotline classifier evaluate` prints it: accuracy per field, precision
    /// and recall per class of the first level, the urgency and the type, and their confusion
    /// (labelled → predicted, mistakes only), and accuracy against coverage with the threshold for `target` accuracy.
    public func report(target: Double = 0.95) -> String {
        var lines = ["\(count) labelled requests", "", "accuracy per field:"]
        for field in Field.allCases {
            let labelled = labelled(field)
            lines.append(
                labelled == 0
                    ? "  \(pad(field.rawValue, 12)) not labelled"
                    : "  \(pad(field.rawValue, 12)) \(percent(accuracy(field)))  (\(labelled) labelled)")
        }
        for field in [Field.level1, .urgency, .type] where labelled(field) > 0 {
            lines += ["", "\(field.rawValue): precision, recall, labelled"]
            for score in scores(field) {
                lines.append(
                    "  \(pad(score.code, 12)) \(percent(score.precision))  \(percent(score.recall))  \(score.support)")
            }
            lines += ["", "\(field.rawValue) confusion (labelled → predicted ×count, mistakes only):"]
            for (expected, predicted) in confusion(field).sorted(by: { $0.key < $1.key }) {
                let mistakes = predicted.filter { $0.key != expected }.sorted {
                    $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
                }
                guard !mistakes.isEmpty else { continue }
                lines.append(
                    "  \(expected) → "
                        + mistakes.map { "\($0.key.isEmpty ? "none" : $0.key)×\($0.value)" }.joined(separator: " "))
            }
        }
        lines += ["", "first-level confidence threshold: dispatched without review, their accuracy"]
        for point in coverageCurve() {
            lines.append(
                "  ≥ \(String(format: "%.2f", point.threshold ?? 0))  \(percent(point.coverage))  \(percent(point.accuracy))"
            )
        }
        let chosen = reviewThreshold(forAccuracy: target)
        if let threshold = chosen.threshold {
            lines.append(
                "review threshold for \(percent(target)) right: \(String(format: "%.3f", threshold)); "
                    + "dispatched \(percent(chosen.coverage)) (\(percent(chosen.accuracy)) right), reviewed \(percent(chosen.reviewShare))"
            )
        } else {
            lines.append("review threshold for \(percent(target)) right: none reaches it; every request is reviewed")
        }
        return lines.joined(separator: "\n")
    }

    private func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

import HotlineServices

/// The gazetteer's suggestions for the place typed so far: choosing one puts the division's
/// names before what was typed, unless it already names the division.
enum DeskPlacesView {
    /// The template data for `places` suggested for `typed`.
    static func data(_ places: [IntakeAssist.PlaceSuggestion], typed: String) -> [String: Any] {
        [
            "places": places.enumerated().map { index, place in
                let label = place.names.joined(separator: " ")
                let named = place.names.last.map { typed.contains($0) } ?? false
                return [
                    "code": place.code, "label": label, "index": index,
                    "value": named ? typed : place.names.joined() + typed,
                ] as [String: Any]
            }
        ]
    }
}

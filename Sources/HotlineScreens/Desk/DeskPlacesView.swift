import HotlineServices

/// The gazetteer's suggestions for the place typed so far, but those it already names: choosing
/// one completes a division's name being typed, or puts the division's names before the address.
enum DeskPlacesView {
    /// The template data for `places` suggested for `typed`.
    static func data(_ places: [IntakeAssist.PlaceSuggestion], typed: String) -> [String: Any] {
        [
            "places": places.filter { !typed.contains($0.names.last ?? "") }.map { place in
                let label = place.names.joined(separator: " ")
                let name = place.names.last ?? ""
                let value = name.contains(typed) ? place.names.joined() : place.names.joined() + typed
                return ["code": place.code, "label": label, "value": value]
            }
        ]
    }
}

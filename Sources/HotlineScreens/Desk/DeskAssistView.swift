import HotlineDomain
import HotlineServices

/// The desk's help while a call is typed: the classifier's suggestions (Alt+1/2/3 pick one) and
/// the knowledge-base answers (Alt+A answers with the first).
enum DeskAssistView {
    /// The template data for `suggestions` and `answers`.
    static func data(
        suggestions: [IntakeAssist.Suggestion], answers: [KnowledgeArticle], _ renderer: ScreenRenderer,
        _ context: ScreenRequestContext
    ) -> [String: Any] {
        [
            "suggestions": suggestions.enumerated().map { index, suggestion in
                var row: [String: Any] = [
                    "key": index + 1, "code": suggestion.leafCode,
                    "path": suggestion.pathNames.joined(separator: " / "),
                    "urgency": suggestion.urgency.rawValue,
                    "urgencyLabel": renderer.text("desk.urgency.\(suggestion.urgency.rawValue)", context),
                    "confidence": Percent.text(suggestion.confidence),
                ]
                // Mustache shows a section for any string, even an empty one: no place, no key.
                if let place = suggestion.placeName { row["place"] = place }
                return row
            },
            "answers": answers.enumerated().map { index, article in
                [
                    "id": article.id, "question": article.question, "answer": article.answer, "first": index == 0,
                ] as [String: Any]
            },
        ]
    }
}

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
                [
                    "key": index + 1, "code": suggestion.leafCode,
                    "path": suggestion.pathNames.joined(separator: " / "),
                    "urgency": suggestion.urgency.rawValue,
                    "urgencyLabel": renderer.text("desk.urgency.\(suggestion.urgency.rawValue)", context),
                    "place": suggestion.placeName ?? "", "confidence": Percent.text(suggestion.confidence),
                ] as [String: Any]
            },
            "answers": answers.enumerated().map { index, article in
                [
                    "id": article.id, "question": article.question, "answer": article.answer, "first": index == 0,
                ] as [String: Any]
            },
        ]
    }
}

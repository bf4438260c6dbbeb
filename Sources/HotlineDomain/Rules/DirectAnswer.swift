public import Foundation

/// An answer given to the caller on the spot (直接答复): a knowledge-base article, words of
/// the operator's own, or both (the words then replace the article's answer).
public struct DirectAnswer: Codable, Sendable, Equatable {
    public var articleId: String?
    public var text: String?

    public init(articleId: String? = nil, text: String? = nil) {
        self.articleId = articleId
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case text
        case articleId = "article_id"
    }

    /// The longest answer accepted, in characters.
    public static let maximumLength = 2000

    /// The answer event, or the field at fault.
    public func resolve(in knowledge: KnowledgeBase) -> Result<TicketAnswered, FieldFinding> {
        let article = articleId.flatMap { knowledge[$0] }
        if let articleId, article == nil {
            return .failure(
                FieldFinding(
                    field: "answer.article_id", detail: "no knowledge-base article has id '\(articleId.prefix(32))'"))
        }
        let words =
            text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } ?? article?.answer
        guard let words else {
            return .failure(FieldFinding(field: "answer", detail: "give an article_id, a text, or both"))
        }
        guard words.count <= Self.maximumLength else {
            return .failure(FieldFinding(field: "answer.text", detail: "at most \(Self.maximumLength) characters"))
        }
        guard !PlainText.hasControlCharacters(words) else {
            return .failure(FieldFinding(field: "answer.text", detail: "must not contain control characters"))
        }
        return .success(TicketAnswered(articleId: article?.id, answer: words))
    }
}

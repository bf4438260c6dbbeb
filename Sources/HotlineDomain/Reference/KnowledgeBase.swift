/// Finds the articles that answer a caller's question: each article keyword found in the query
/// counts by its length, and characters pairs shared with the article's question add to it.
public struct KnowledgeBase: Sendable {
    public let articles: [KnowledgeArticle]

    public init(_ articles: [KnowledgeArticle]) {
        self.articles = articles
    }

    /// The articles matching `query`, best first, at most `limit`.
    public func search(_ query: String, limit: Int) -> [KnowledgeArticle] {
        let queryPairs = Self.pairs(of: query)
        guard !queryPairs.isEmpty || query.count == 1 else { return [] }
        let scored = articles.compactMap { article -> (KnowledgeArticle, Int)? in
            let keywordScore = article.keywords.filter { query.contains($0) || $0.contains(query) }.map(\.count).reduce(
                0, +)
            let shared = queryPairs.intersection(
                Self.pairs(of: article.question + article.keywords.joined(separator: " "))
            ).count
            let score = 2 * keywordScore + shared
            return score > 0 ? (article, score) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }.prefix(limit).map(\.0)
    }

    public subscript(id: String) -> KnowledgeArticle? { articles.first { $0.id == id } }

    private static func pairs(of text: String) -> Set<String> {
        let characters = Array(text.filter { $0.isLetter || $0.isNumber })
        guard characters.count >= 2 else { return [] }
        return Set((0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) })
    }
}

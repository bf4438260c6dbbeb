/// A question callers often ask, with the answer an operator gives on the spot (直接答复).
public struct KnowledgeArticle: Codable, Sendable, Equatable {
    public var id: String
    /// The first-level catalog code of the subject.
    public var categoryCode: String
    public var question: String
    public var keywords: [String]
    public var answer: String

    public init(id: String, categoryCode: String, question: String, keywords: [String], answer: String) {
        self.id = id
        self.categoryCode = categoryCode
        self.question = question
        self.keywords = keywords
        self.answer = answer
    }

    enum CodingKeys: String, CodingKey {
        case id, question, keywords, answer
        case categoryCode = "category_code"
    }

    /// Reads `id,category_code,question,keywords,answer` rows, keywords separated by `|`.
    public static func articles(csv table: CSVTable) -> [KnowledgeArticle] {
        table.namedRecords.map { record in
            KnowledgeArticle(
                id: record["id", default: ""], categoryCode: record["category_code", default: ""],
                question: record["question", default: ""],
                keywords: record["keywords", default: ""].split(separator: "|").map { $0.trimmingSpaces() }.filter {
                    !$0.isEmpty
                },
                answer: record["answer", default: ""])
        }
    }
}

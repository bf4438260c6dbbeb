import Foundation
import HotlineDomain
import HotlineGateway

/// The call being recorded on the desk, as the form sends it (`POST /ui/desk`) and as the page
/// shows it again when the use case found something wrong.
struct DeskForm {
    /// The type a new call starts with: most contacts are consultations.
    static let defaultType = TicketType.consultation

    var callerName = ""
    var callerPhone = ""
    var place = ""
    var text = ""
    /// A catalog leaf the operator chose (Alt+1/2/3), else empty.
    var categoryCode = ""
    var type = defaultType
    /// Made when the form is shown, so a second submit of the same form makes no second ticket.
    var idempotencyKey = UUID().uuidString
    /// The knowledge-base article the operator answered with, when answering directly.
    var answerArticleId: String?

    /// An empty form for the next call.
    init() {}

    /// The form as submitted.
    init(_ fields: FormFields) {
        callerName = fields["caller_name"] ?? ""
        callerPhone = fields["caller_phone"] ?? ""
        place = fields["place_text"] ?? ""
        text = fields["text"] ?? ""
        categoryCode = fields["category_code"] ?? ""
        type = fields["type"].flatMap(TicketType.init(rawValue:)) ?? Self.defaultType
        idempotencyKey = fields["idempotency_key"] ?? idempotencyKey
        answerArticleId = fields["answer_article_id"]
    }

    /// The ticket as `POST /tickets` takes it: taken on the phone.
    var request: TicketRequest {
        TicketRequest(
            channel: .phone, type: type, callerName: callerName.nilIfEmpty, callerPhone: callerPhone.nilIfEmpty,
            placeText: place, text: text, categoryCode: categoryCode.nilIfEmpty)
    }

    /// The answer given on the spot, when the operator answered directly.
    var answer: DirectAnswer? {
        answerArticleId.map { DirectAnswer(articleId: $0) }
    }

    /// The request and answer in one canonical form (sorted keys), so a retry of the same form is
    /// recognised as the same request.
    func canonicalBody() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(Submission(request: request, answer: answer)))
    }

    /// What `canonicalBody` encodes.
    private struct Submission: Encodable {
        var request: TicketRequest
        var answer: DirectAnswer?
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

import HotlineDomain
import Testing

@Suite("Intake validation and reference data")
struct IntakeValidationTests {
    func request(
        text: String = "路灯不亮", place: String = "东城区", phone: String? = nil, category: String? = nil
    ) -> TicketRequest {
        TicketRequest(
            channel: .phone, type: .complaint, callerPhone: phone, placeText: place, text: text, categoryCode: category)
    }

    @Test(
        "phone numbers: mobiles, landlines with area code, local numbers",
        arguments: [
            ("13800138000", true), ("+86 138 0013 8000", true), ("010-65123456", true), ("65123456", true),
            ("12345", false), ("1380013800", false), ("23800138000", false), ("abc", false), ("", false),
            ("010-6512345６", false),
        ])
    func phones(number: String, valid: Bool) {
        #expect(TicketRequestValidation.isPhoneNumber(number) == valid)
    }

    @Test("each problem names its field")
    func findings() {
        let findings = TicketRequestValidation.findings(
            request(text: "  ", place: String(repeating: "路", count: 201), phone: "12", category: "MKT")
        ) { $0 == "MKT0101" }
        #expect(Set(findings.map(\.field)) == ["text", "place_text", "caller_phone", "category_code"])
        #expect(TicketRequestValidation.findings(request(category: "MKT0101")) { $0 == "MKT0101" }.isEmpty)
    }

    @Test("control characters are refused")
    func controlCharacters() {
        #expect(TicketRequestValidation.findings(request(text: "路灯\u{0}不亮")) { _ in true }.map(\.field) == ["text"])
    }

    @Test("RFC 4180 CSV: quoted commas, doubled quotes, line breaks in fields")
    func csv() throws {
        let table = try CSVTable(parsing: "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(table.records == [["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(throws: CSVError.self) { try CSVTable(parsing: "a,b\n1,2,3\n") }
    }

    @Test("the knowledge base finds the article a caller asks about")
    func knowledge() throws {
        let knowledge = KnowledgeBase(ReferenceFixtures.reference.knowledge)
        #expect(knowledge.articles.count >= 80)
        let found = knowledge.search("暖气什么时候开始供暖", limit: 3)
        let top = try #require(found.first)
        #expect(top.question.contains("供暖") || top.keywords.contains { $0.contains("供暖") })
        #expect(knowledge.search("", limit: 3).isEmpty)
    }
}

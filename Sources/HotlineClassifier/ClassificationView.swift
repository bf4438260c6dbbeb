import HotlineDomain

/// A classification as `hotline classifier classify` and `POST /classify` print it.
public struct ClassificationView: Codable, Sendable {
    public var level1: String
    public var level2: String
    public var level3: String
    public var urgency: String
    public var districtCode: String
    public var townshipCode: String
    public var confidence: Double

    public init(_ classification: Classification) {
        level1 = classification.level1 ?? ""
        level2 = classification.level2 ?? ""
        level3 = classification.level3 ?? ""
        urgency = classification.urgency.rawValue
        districtCode = classification.place.districtCode ?? ""
        townshipCode = classification.place.townshipCode ?? ""
        confidence = (classification.confidence * 1000).rounded() / 1000
    }

    enum CodingKeys: String, CodingKey {
        case level1, level2, level3, urgency, confidence
        case districtCode = "district_code"
        case townshipCode = "township_code"
    }
}

import HotlineDomain

/// A catalog entry with its path, as operators browse it.
struct CatalogView: Encodable {
    var code: String
    var level: Int
    var name: String
    var path: [String]
    var pathNames: [String]
    var responsible: String?
    var defaultUrgency: String?
    var keywords: [String]
    var probability: Double?

    init(_ entry: CatalogEntry, catalog: Catalog, probability: Double?) {
        code = entry.code
        level = entry.level
        name = entry.name
        path = catalog.path(to: entry.code)
        pathNames = catalog.namePath(to: entry.code)
        responsible = entry.responsible?.description
        defaultUrgency = entry.defaultUrgency?.rawValue
        keywords = entry.keywords
        self.probability = probability
    }

    enum CodingKeys: String, CodingKey {
        case code, level, name, path, responsible, keywords, probability
        case pathNames = "path_names"
        case defaultUrgency = "default_urgency"
    }
}

/// Where a place text lies: its district and township, with their names.
struct PlaceView: Encodable {
    var districtCode: String?
    var districtName: String?
    var townshipCode: String?
    var townshipName: String?

    enum CodingKeys: String, CodingKey {
        case districtCode = "district_code"
        case districtName = "district_name"
        case townshipCode = "township_code"
        case townshipName = "township_name"
    }
}

/// A unit that receives and handles tickets: the municipal hotline center, a district
/// sub-center, a street or township, a community or village below one, or a department or
/// enterprise (of a district or the city).
public struct OrgUnit: Sendable, Equatable, Codable {
    /// Where a unit stands among the tiers.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case center
        case subCenter = "sub_center"
        case township
        /// A community (社区) or village (村): its grid workers take the tasks its township
        /// dispatches down.
        case community
        case department
        case enterprise
    }

    public var code: String
    public var name: String
    public var kind: Kind
    /// For departments and enterprises, their line of work as the catalog names it
    /// (`department:housing`, `enterprise:water`).
    public var specialty: String?
    /// The district the unit serves; nil for city-level units.
    public var districtCode: String?
    public var parentCode: String?

    public init(
        code: String, name: String, kind: Kind, specialty: String? = nil, districtCode: String? = nil,
        parentCode: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.specialty = specialty
        self.districtCode = districtCode
        self.parentCode = parentCode
    }

    enum CodingKeys: String, CodingKey {
        case code, name, kind, specialty
        case districtCode = "district_code"
        case parentCode = "parent_code"
    }

    /// Whether the unit dispatches and re-dispatches for others (the center, the sub-centers).
    public var dispatches: Bool { kind == .center || kind == .subCenter }
}

/// How org-unit codes are formed: the municipal center is `110000`, a district's sub-center
/// has the district's code, a township its own code, and a department or enterprise the code
/// of its district (or `110000` for the city's) followed by its specialty.
public enum OrgUnitCode {
    public static let center = "110000"

    public static func subCenter(of district: String) -> String { district }

    /// The unit of `specialty` (`department:housing`) in `district`, or the city's.
    public static func specialist(_ specialty: String, in district: String?) -> String {
        "\(district ?? center):\(specialty)"
    }
}

/// Builds the organisation from the divisions, the communities and the names of the
/// specialties: the center, one sub-center per district, every township with its communities,
/// and per district and for the city every department and enterprise named in `specialtyNames`
/// (`department:housing` → 住房和城乡建设委员会).
public enum Organisation {
    public static func units(
        divisions: [Division], communities: [Community] = [], specialtyNames: [(specialty: String, name: String)]
    ) -> [OrgUnit] {
        let municipal = divisions.first { $0.tier == .municipal }?.name ?? ""
        var units = [OrgUnit(code: OrgUnitCode.center, name: "\(municipal)市民热线服务中心", kind: .center)]
        for (specialty, name) in specialtyNames {
            units.append(specialist(specialty, name: municipal + name, district: nil))
        }
        for district in divisions where district.tier == .district {
            units.append(
                OrgUnit(
                    code: OrgUnitCode.subCenter(of: district.code), name: "\(district.name)接诉即办分中心", kind: .subCenter,
                    districtCode: district.code, parentCode: OrgUnitCode.center))
            for (specialty, name) in specialtyNames {
                units.append(specialist(specialty, name: district.name + name, district: district.code))
            }
        }
        for township in divisions where township.tier == .township {
            units.append(
                OrgUnit(
                    code: township.code, name: township.name, kind: .township, districtCode: township.parentCode,
                    parentCode: township.parentCode))
        }
        let districtOf = Dictionary(
            divisions.filter { $0.tier == .township }.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { a, _ in a })
        for community in communities {
            units.append(
                OrgUnit(
                    code: community.code, name: community.name, kind: .community,
                    districtCode: districtOf[community.townshipCode] ?? nil, parentCode: community.townshipCode))
        }
        return units
    }

    private static func specialist(_ specialty: String, name: String, district: String?) -> OrgUnit {
        OrgUnit(
            code: OrgUnitCode.specialist(specialty, in: district), name: name,
            kind: specialty.hasPrefix("enterprise:") ? .enterprise : .department, specialty: specialty,
            districtCode: district,
            parentCode: district.map(OrgUnitCode.subCenter(of:)) ?? OrgUnitCode.center)
    }
}

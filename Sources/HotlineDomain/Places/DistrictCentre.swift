/// Where a district's centre lies (longitude and latitude, WGS-84), for drawing the city's map
/// without boundary files. Data: `Schemas/places/district_centers.csv`.
public struct DistrictCentre: Sendable, Equatable {
    public var code: String
    public var name: String
    public var longitude: Double
    public var latitude: Double

    public init(code: String, name: String, longitude: Double, latitude: Double) {
        self.code = code
        self.name = name
        self.longitude = longitude
        self.latitude = latitude
    }

    /// The file under `Schemas/` that holds the centres.
    public static let file = "places/district_centers.csv"

    /// Reads `code,name,longitude,latitude` rows.
    public static func centres(csv table: CSVTable) throws(CSVError) -> [DistrictCentre] {
        try table.namedRecords.enumerated().map { (index, record) throws(CSVError) in
            guard let code = record["code"], !code.isEmpty, let longitude = record["longitude"].flatMap(Double.init),
                let latitude = record["latitude"].flatMap(Double.init)
            else {
                throw CSVError(line: index + 2, message: "a district centre needs a code, a longitude and a latitude")
            }
            return DistrictCentre(
                code: code, name: record["name", default: ""], longitude: longitude, latitude: latitude)
        }
    }
}

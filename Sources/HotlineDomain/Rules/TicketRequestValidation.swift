/// The checks a new ticket must pass beyond its JSON shape: lengths, phone numbers,
/// coordinates and catalog codes. Each finding names the field at fault.
public enum TicketRequestValidation {
    /// One thing wrong with one field.
    public struct Finding: Sendable, Equatable, Codable {
        public var field: String
        public var detail: String
    }

    public static let maximumTextLength = 2000
    public static let maximumPlaceLength = 200
    public static let maximumNameLength = 50

    /// What is wrong with `request`; empty when it can be accepted. `isLeaf` tells whether a
    /// code is a leaf of the catalog.
    public static func findings(_ request: TicketRequest, isLeaf: (String) -> Bool) -> [Finding] {
        var findings: [Finding] = []
        func check(_ field: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
            if !ok { findings.append(Finding(field: field, detail: detail())) }
        }
        let text = request.text.trimmingSpaces()
        check("text", !text.isEmpty, "must not be empty")
        check("text", text.count <= maximumTextLength, "at most \(maximumTextLength) characters")
        let place = request.placeText.trimmingSpaces()
        check("place_text", !place.isEmpty, "must not be empty")
        check("place_text", place.count <= maximumPlaceLength, "at most \(maximumPlaceLength) characters")
        if let name = request.callerName {
            check("caller_name", name.count <= maximumNameLength, "at most \(maximumNameLength) characters")
        }
        if let phone = request.callerPhone {
            check(
                "caller_phone", isPhoneNumber(phone),
                "not a phone number: a mobile (13800138000), a landline with area code (010-65123456) or a local number (65123456)"
            )
        }
        if let coordinates = request.coordinates {
            check("coordinates.latitude", (-90...90).contains(coordinates.latitude), "must be between -90 and 90")
            check("coordinates.longitude", (-180...180).contains(coordinates.longitude), "must be between -180 and 180")
        }
        if let code = request.categoryCode {
            check("category_code", isLeaf(code), "'\(code.prefix(32))' is not a leaf (third-level code) of the catalog")
        }
        for (field, value) in [
            ("text", request.text), ("place_text", request.placeText), ("caller_name", request.callerName ?? ""),
        ]
        where value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            findings.append(Finding(field: field, detail: "must not contain control characters"))
        }
        return findings
    }

    /// A Chinese mobile number, a landline with its area code, or an 7-8 digit local number;
    /// spaces, dashes and a +86 prefix are allowed.
    public static func isPhoneNumber(_ text: String) -> Bool {
        var digits = text.filter { $0 != " " && $0 != "-" }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let scalars = Array(digits.unicodeScalars)
        switch scalars.count {
        case 11 where scalars[0] == "1": return ("3"..."9").contains(scalars[1])
        case 10...12 where scalars[0] == "0": return scalars[1] != "0"
        case 7...8: return scalars[0] != "0" && scalars[0] != "1"
        default: return false
        }
    }
}

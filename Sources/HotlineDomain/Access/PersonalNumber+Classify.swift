/// The group rules of `PersonalNumber`: which digit groups make a mobile, a landline or an ID
/// card number, and which of their digits the mask hides.
extension PersonalNumber {
    /// The kind of number `groups` (positions of digits, the last one of an ID card possibly
    /// `X`) make, and the positions to hide; nil when they make none.
    static func classify(
        _ groups: [[Int]], scalars: [Unicode.Scalar], plus: Bool, parenthesised: Bool
    ) -> (Kind, [Int])? {
        let all = groups.flatMap { $0 }
        if groups.count == 1, all.count == 18, !plus, !parenthesised,
            all.dropLast().allSatisfy({ isDigit(scalars[$0]) })
        {
            return (.idCard, Array(all.dropLast(4)))
        }
        guard all.allSatisfy({ isDigit(scalars[$0]) }) else { return nil }
        if !parenthesised, let national = withoutCountryCode(groups, scalars: scalars, plus: plus) {
            let digits = national.flatMap { $0 }
            if digits.count == 11, scalars[digits[0]] == "1", national.count <= 3 {
                return (.mobile, Array(digits[3..<7]))
            }
            return (9...11).contains(digits.count) ? (.landline, Array(digits.dropLast(4))) : nil
        }
        guard !plus else { return nil }
        if all.count == 11, scalars[all[0]] == "1", groups.count <= 3, !parenthesised {
            return (.mobile, Array(all[3..<7]))
        }
        if scalars[all[0]] == "0" {
            return landlineWithAreaCode(groups, parenthesised: parenthesised)
        }
        if !parenthesised, groups.count <= 2, groups.allSatisfy({ $0.count >= 3 }), (7...8).contains(all.count) {
            return (.landline, Array(all.dropLast(4)))
        }
        return nil
    }

    /// The groups after a country code of China (`+86`, or `0086` without the plus), written
    /// apart or glued to the number; nil when there is none.
    private static func withoutCountryCode(_ groups: [[Int]], scalars: [Unicode.Scalar], plus: Bool) -> [[Int]]? {
        let code: [Unicode.Scalar] = plus ? ["8", "6"] : ["0", "0", "8", "6"]
        let first = groups[0]
        guard first.count >= code.count, zip(first, code).allSatisfy({ scalars[$0] == $1 }) else { return nil }
        if first.count == code.count { return groups.count > 1 ? Array(groups.dropFirst()) : nil }
        return [Array(first.dropFirst(code.count))] + groups.dropFirst()
    }

    /// A landline whose first group, starting with 0, is its area code: hides all but the last
    /// 4 digits of the subscriber number (the area code and any extension included).
    private static func landlineWithAreaCode(_ groups: [[Int]], parenthesised: Bool) -> (Kind, [Int])? {
        let area = groups[0]
        if groups.count == 1, !parenthesised {
            return (10...12).contains(area.count) ? (.landline, Array(area.dropLast(4))) : nil
        }
        guard (3...4).contains(area.count) else { return nil }
        var rest = Array(groups.dropFirst())
        let subscriber: [Int]
        if let one = rest.first, (7...8).contains(one.count) {
            subscriber = one
            rest.removeFirst()
        } else if rest.count >= 2, rest[0].count >= 3, rest[1].count >= 3,
            (7...8).contains(rest[0].count + rest[1].count)
        {
            subscriber = rest[0] + rest[1]
            rest.removeFirst(2)
        } else {
            return nil
        }
        let phoneExtension = rest.first ?? []
        guard rest.count <= 1, phoneExtension.count <= 4 else { return nil }
        return (.landline, area + subscriber.dropLast(4) + phoneExtension)
    }
}

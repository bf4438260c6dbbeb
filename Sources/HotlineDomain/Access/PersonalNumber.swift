/// A phone or ID card number found in text, and the rule that decides what counts as one.
///
/// A candidate is a run of ASCII digits in groups joined by one space or hyphen, optionally
/// starting with `+`, or with an area code in parentheses (`(010)`, `（010）`). It must stand
/// alone: no ASCII letter or digit right before or after it, nor a `.`, `_` or `-` between it
/// and one (so codes such as `RUR0101`, decimals, `20261122-000042` and the groups of a UUID
/// are not numbers; a number ending a sentence with `.` is), and no counting word right
/// after it (元 年 月 日 号 楼 栋 层 室 户 米 万 亿 个 岁 %: an amount or an address is not a
/// phone). Its groups then decide:
/// - **ID card**: 18 characters in one group, 17 digits and a last digit or `X`; keeps its last 4.
/// - **mobile**: 11 digits starting with 1, in up to three groups, after an optional `+86` or
///   `0086`; keeps its first 3 and last 4 digits.
/// - **landline with area code**: an area code of 3–4 digits starting with 0, in parentheses or
///   followed by the subscriber number of 7–8 digits in one or two groups and an optional
///   extension of 1–4 digits; or 10–12 digits in one group starting with 0. Keeps the last 4 of
///   the subscriber number.
/// - **local number**: 7–8 digits not starting with 0, in one or two groups; keeps its last 4.
/// Anything else (ticket numbers `20261122-000042`, dates `2026-11-22`, amounts, years, house
/// numbers, numbers of other lengths) is left as it is.
struct PersonalNumber: Equatable {
    /// What kind of personal number the candidate is, if any.
    enum Kind: Equatable {
        case mobile, landline, idCard
    }

    /// Where the candidate ends (one past its last scalar).
    var end: Int
    /// Where the candidate starts.
    var start: Int
    /// The kind of number, nil when the candidate is none.
    var kind: Kind?
    /// The scalars that the mask hides.
    var hiddenPositions: [Int]

    /// The words that make a number a quantity or part of an address when they follow it.
    static let countingWords: Set<Unicode.Scalar> = [
        "元", "年", "月", "日", "号", "楼", "栋", "层", "室", "户", "米", "万", "亿", "个", "岁", "%",
    ]

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == "（" }

    static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar == "）" }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "-" }

    /// Whether a candidate may start at `position`: a digit, or `+`/an opening parenthesis before one.
    static func mayStart(_ scalars: [Unicode.Scalar], at position: Int) -> Bool {
        let scalar = scalars[position]
        if isDigit(scalar) { return true }
        guard scalar == "+" || isOpening(scalar), position + 1 < scalars.endIndex else { return false }
        return isDigit(scalars[position + 1])
    }

    /// Whether nothing glued to the candidate makes it part of something else: an ASCII letter
    /// or digit next to it, or a `.`, `_` or `-` between it and one; or a counting word after it.
    static func standsAlone(_ scalars: [Unicode.Scalar], _ number: PersonalNumber) -> Bool {
        func isAlphanumeric(_ index: Int) -> Bool {
            guard scalars.indices.contains(index) else { return false }
            let scalar = scalars[index]
            return scalar.isASCII && (isDigit(scalar) || scalar.properties.isAlphabetic)
        }
        func isJoiner(_ index: Int) -> Bool {
            guard scalars.indices.contains(index) else { return false }
            return scalars[index] == "." || scalars[index] == "_" || scalars[index] == "-"
        }
        let before = number.start - 1
        let after = number.end
        if isAlphanumeric(before) || (isJoiner(before) && isAlphanumeric(before - 1)) { return false }
        if isAlphanumeric(after) || (isJoiner(after) && isAlphanumeric(after + 1)) { return false }
        return !(scalars.indices.contains(after) && countingWords.contains(scalars[after]))
    }

    /// Reads the candidate starting at `position` (see `mayStart`); nil when it is not one.
    static func read(_ scalars: [Unicode.Scalar], at position: Int) -> PersonalNumber? {
        var cursor = position
        let plus = scalars[cursor] == "+"
        if plus { cursor += 1 }
        var groups: [[Int]] = []
        var parenthesised = false
        if cursor < scalars.endIndex, isOpening(scalars[cursor]) {
            let area = digitRun(scalars, from: cursor + 1)
            guard !area.isEmpty, area.last! + 1 < scalars.endIndex, isClosing(scalars[area.last! + 1]) else {
                return nil
            }
            groups.append(area)
            parenthesised = true
            cursor = area.last! + 2
            if cursor + 1 < scalars.endIndex, isSeparator(scalars[cursor]), isDigit(scalars[cursor + 1]) { cursor += 1 }
        }
        while cursor < scalars.endIndex, isDigit(scalars[cursor]) {
            let group = digitRun(scalars, from: cursor)
            groups.append(group)
            cursor = group.last! + 1
            guard cursor + 1 < scalars.endIndex, isSeparator(scalars[cursor]), isDigit(scalars[cursor + 1]) else {
                break
            }
            cursor += 1
        }
        guard !groups.isEmpty else { return nil }
        if groups[groups.count - 1].count == 17, cursor < scalars.endIndex,
            scalars[cursor] == "X" || scalars[cursor] == "x"
        {
            groups[groups.count - 1].append(cursor)
            cursor += 1
        }
        // The longest run of leading groups that is a number: two numbers written one after the
        // other with a space between are two numbers.
        for count in stride(from: groups.count, through: 1, by: -1) {
            let leading = Array(groups.prefix(count))
            if let (kind, hidden) = classify(leading, scalars: scalars, plus: plus, parenthesised: parenthesised) {
                return PersonalNumber(
                    end: leading.last!.last! + 1, start: position, kind: kind, hiddenPositions: hidden)
            }
        }
        return PersonalNumber(end: cursor, start: position, kind: nil, hiddenPositions: [])
    }

    /// The positions of the digits from `position` on.
    private static func digitRun(_ scalars: [Unicode.Scalar], from position: Int) -> [Int] {
        var run: [Int] = []
        var cursor = position
        while cursor < scalars.endIndex, isDigit(scalars[cursor]) {
            run.append(cursor)
            cursor += 1
        }
        return run
    }
}

public import Foundation
public import HotlineDomain

/// The synthetic city: how many requests arrive when, about what, from where, and how its units
/// handle them. Shaped after the reports in `shared/seeds`: most requests by phone, central
/// districts busiest, market, housing and education on top, daily and weekly cycles, and bursts
/// (a rainstorm flooding streets, caterpillars in one township, a cold snap).
public struct CityModel: Sendable {
    public let reference: ReferenceData
    public let timeZone: TimeZone

    public init(reference: ReferenceData, timeZone: TimeZone) {
        self.reference = reference
        self.timeZone = timeZone
    }

    /// Relative request volume per district (central districts busier).
    static let districtWeights: [String: Double] = [
        "110101": 6, "110102": 7, "110105": 14, "110106": 8, "110107": 3, "110108": 12, "110109": 2, "110111": 5,
        "110112": 6, "110113": 5,
        "110114": 8, "110115": 7, "110116": 2, "110117": 2, "110118": 2, "110119": 1.5,
    ]
    /// Relative volume per first-level category, close to the published top categories.
    static let categoryWeights: [String: Double] = [
        "MKT": 18, "HOU": 13, "EDU": 11, "CON": 8, "PRP": 9, "SAF": 6, "TRF": 7, "LAB": 6, "ENV": 6, "MUN": 5, "UTL": 5,
        "SAN": 4, "GRN": 2,
        "MED": 4, "CIV": 3, "RUR": 2, "ORD": 4, "SVC": 3, "CUL": 2, "ENT": 1.5, "AGR": 1, "URB": 2, "ILL": 3, "OTH": 1,
    ]
    /// Requests per hour of the day, relative.
    static let hourWeights: [Double] = [
        0.4, 0.3, 0.2, 0.2, 0.2, 0.4, 1, 3, 7, 9, 9, 8, 5, 6, 8, 8, 7, 6, 4, 4, 3, 2, 1.2, 0.8,
    ]
    static let channels: [(Channel, Double)] = [
        (.phone, 88), (.web, 3), (.wechat, 3), (.app, 2), (.weibo, 1), (.leaderMessageBoard, 1), (.mergedHotline, 1),
        (.media, 0.5),
        (.gridWorker, 0.5),
    ]
    static let types: [(TicketType, Double)] = [
        (.complaint, 50), (.help, 25), (.report, 15), (.suggestion, 7), (.praise, 3),
    ]
    static let estates = ["阳光小区", "幸福家园", "金色家园", "和谐家园", "翠微小区", "花园小区", "北里小区", "南里社区", "东区", "西区", "新村"]
    static let openings = ["", "", "", "您好，", "我想反映一下，", "我要投诉，", "麻烦你们管一管，"]
    /// Share of contacts that are consultations answered at intake.
    static let consultationShare = 0.35

    /// The requests of `days` days from `start` (midnight, city time), `perDay` on an ordinary
    /// day, in arrival order. Nothing arrives in the last hours, so every dispatch falls inside
    /// the period.
    public func tickets(seed: UInt64, start: Date, days: Int, perDay: Int) -> [SimulatedTicket] {
        var random = SeededGenerator(seed: seed)
        let profiles = handlerProfiles(&random)
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let townshipsByDistrict = Dictionary(
            grouping: reference.divisions.filter { $0.tier == .township }, by: { $0.parentCode ?? "" })
        let districts = reference.divisions.filter { $0.tier == .district }
        let leavesByCategory = Dictionary(
            grouping: reference.catalog.leaves, by: { reference.catalog.path(to: $0.code)[0] })
        let categories = Self.categoryWeights.keys.sorted().filter { leavesByCategory[$0] != nil }
        /// Arrival, leaf, district, township, and whether it is part of a burst (never a consultation).
        var drafts: [(Date, String, Division, Division, Bool)] = []

        func arrival(day: Int, hours: ClosedRange<Int>? = nil) -> Date {
            let hour =
                hours.map { $0.lowerBound + Int(random.unit() * Double($0.count)) }
                ?? random.pick(weights: Self.hourWeights)
            let offset = Double(day * 86_400 + hour * 3600) + random.unit() * 3600
            return start.addingTimeInterval(offset)
        }
        func township(in district: Division) -> Division {
            let options = townshipsByDistrict[district.code] ?? []
            return options[Int(random.unit() * Double(options.count))]
        }
        func leaf(in category: String, matching words: [String] = []) -> String {
            let leaves = leavesByCategory[category] ?? []
            let matching = leaves.filter { leaf in
                words.contains { word in leaf.name.contains(word) || leaf.keywords.contains { $0.contains(word) } }
            }
            let pool = matching.isEmpty ? leaves : matching
            return pool[Int(random.unit() * Double(pool.count))].code
        }

        for day in 0..<days {
            let weekday = calendar.component(.weekday, from: start.addingTimeInterval(Double(day) * 86_400 + 43_200))
            let count = Int((Double(perDay) * (weekday == 1 || weekday == 7 ? 0.75 : 1.1)).rounded())
            for _ in 0..<count {
                let district = districts[random.pick(weights: districts.map { Self.districtWeights[$0.code] ?? 1 })]
                let category = categories[random.pick(weights: categories.map { Self.categoryWeights[$0]! })]
                drafts.append((arrival(day: day), leaf(in: category), district, township(in: district), false))
            }
            // Bursts: a rainstorm on day 9, caterpillars in one 海淀 township on day 15, a cold snap on days 20-22.
            if day == 8 {
                for _ in 0..<(perDay * 3 / 5) {
                    let district = districts.filter { ["110106", "110111", "110115"].contains($0.code) }[
                        Int(random.unit() * 3)]
                    drafts.append(
                        (
                            arrival(day: day, hours: 14...19), leaf(in: "MUN", matching: ["积水", "排水"]), district,
                            township(in: district),
                            true
                        ))
                }
            }
            if day == 14, let haidian = districts.first(where: { $0.code == "110108" }) {
                let place = township(in: haidian)
                let caterpillars = leaf(in: "GRN", matching: ["虫"])
                for _ in 0..<max(14, perDay / 15) {
                    drafts.append((arrival(day: day, hours: 9...17), caterpillars, haidian, place, true))
                }
            }
            if (19...21).contains(day) {
                for _ in 0..<(perDay * 3 / 10) {
                    let district = districts[random.pick(weights: districts.map { Self.districtWeights[$0.code] ?? 1 })]
                    drafts.append(
                        (
                            arrival(day: day), leaf(in: "UTL", matching: ["暖气", "供暖", "供热"]), district,
                            township(in: district), true
                        ))
                }
            }
        }
        let closing = start.addingTimeInterval(Double(days) * 86_400 - 4 * 3600)
        drafts = drafts.filter { $0.0 < closing }.sorted { $0.0 < $1.0 }
        var callers: [(phone: String, leaf: String, township: String)] = []
        return drafts.enumerated().map { index, draft in
            let (time, leafCode, district, township, burst) = draft
            return ticket(
                index: index, at: time, leafCode: leafCode, district: district, township: township, burst: burst,
                profiles: profiles,
                callers: &callers, random: &random)
        }
    }

    private func ticket(
        index: Int, at time: Date, leafCode: String, district: Division, township: Division, burst: Bool,
        profiles: [String: HandlerProfile],
        callers: inout [(phone: String, leaf: String, township: String)], random: inout SeededGenerator
    ) -> SimulatedTicket {
        let leaf = reference.catalog[leafCode]!
        let channel = Self.channels[random.pick(weights: Self.channels.map(\.1))].0
        var type = Self.types[random.pick(weights: Self.types.map(\.1))].0
        var text =
            Self.openings[Int(random.unit() * Double(Self.openings.count))]
            + leaf.examples[Int(random.unit() * Double(leaf.examples.count))]
        var article: String?
        if random.unit() < Self.consultationShare, !burst, !reference.knowledge.isEmpty {
            let chosen = reference.knowledge[Int(random.unit() * Double(reference.knowledge.count))]
            type = .consultation
            text = chosen.question
            article = chosen.id
        }
        let estate = Self.estates[Int(random.unit() * Double(Self.estates.count))] + "\(1 + Int(random.unit() * 30))号楼"
        let form = random.unit()
        let short = township.name.replacingOccurrences(of: "街道", with: "").replacingOccurrences(of: "地区", with: "")
        let place =
            form < 0.5 ? district.name + township.name + estate : form < 0.8 ? short + estate : district.name + estate
        let phone: String
        if random.unit() < 0.04,
            let earlier = callers.last(where: { $0.leaf == leafCode && $0.township == township.code })
        {
            phone = earlier.phone
        } else {
            phone = "13" + String(format: "%09d", Int(random.unit() * 999_999_999))
            callers.append((phone, leafCode, township.code))
        }
        let profile = leaf.responsible == .township ? profiles[township.code]! : Self.departmentProfile
        let late = random.unit() < profile.lateShare
        let sendBack = random.unit() < profile.sendBackShare
        let whistle = random.unit() < profile.whistleShare
        let resolveLate = random.unit() < (1 - profile.quality) * 0.3
        let outcome = profile.quality + (random.unit() - 0.5) * 0.4
        let (solved, satisfaction): (VisitSolved, VisitSatisfaction) =
            outcome > 0.75
            ? (.solved, .satisfied)
            : outcome > 0.6 ? (.solved, .basically) : outcome > 0.45 ? (.partly, .basically) : (.not, .dissatisfied)
        return SimulatedTicket(
            index: index, arrival: time,
            request: TicketRequest(
                channel: channel, type: type, callerName: nil, callerPhone: phone, placeText: place, text: text),
            leafCode: leafCode, townshipCode: township.code, districtCode: district.code, answerArticleId: article,
            handling: SimulatedTicket.Handling(
                signForFraction: late ? 2 + random.unit() : profile.signForFraction * (0.5 + random.unit()),
                sendBack: sendBack,
                whistle: whistle,
                resolveFraction: resolveLate ? 2 + random.unit() : 0.1 + 0.4 * random.unit(), solved: solved,
                satisfaction: satisfaction))
    }

    /// How departments and enterprises work.
    static let departmentProfile = HandlerProfile(
        signForFraction: 0.2, lateShare: 0.1, sendBackShare: 0.04, whistleShare: 0, quality: 0.7)

    /// Each township's way of working: most sign fast, some late; quality varies, a tenth poor.
    func handlerProfiles(_ random: inout SeededGenerator) -> [String: HandlerProfile] {
        var profiles: [String: HandlerProfile] = [:]
        for township in reference.divisions.filter({ $0.tier == .township }) {
            let speed = random.unit()
            let poor = random.unit() < 0.1
            profiles[township.code] = HandlerProfile(
                signForFraction: speed < 0.45 ? 0.1 : 0.25, lateShare: speed < 0.85 ? 0.03 : 0.35,
                sendBackShare: 0.02 + 0.06 * random.unit(),
                whistleShare: 0.05, quality: poor ? 0.2 + 0.2 * random.unit() : 0.55 + 0.45 * random.unit())
        }
        return profiles
    }
}

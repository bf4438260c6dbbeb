public import Foundation
public import HotlineDomain

/// One request of the simulated city, with everything that will happen to it decided up front
/// (so a seed fixes the month whatever the timing of the run).
public struct SimulatedTicket: Sendable {
    public var index: Int
    public var arrival: Date
    public var request: TicketRequest
    /// The leaf the request is really about (what an operator reviewing it would choose).
    public var leafCode: String
    public var townshipCode: String
    public var districtCode: String
    /// A consultation answered at intake from this article; the ticket is never dispatched.
    public var answerArticleId: String?
    /// How the units that get it will act.
    public var handling: Handling

    /// The decisions of whoever handles the ticket.
    public struct Handling: Sendable {
        /// Sign-for delay as a share of the tier's sign-for limit (above 1: late).
        public var signForFraction: Double
        /// The first unit sends it back (wrong unit).
        public var sendBack: Bool
        /// The township whistles for two departments.
        public var whistle: Bool
        /// Resolution delay as a share of the tier's finish limit (above 1: late).
        public var resolveFraction: Double
        /// What the citizen says on the return visit.
        public var solved: VisitSolved
        public var satisfaction: VisitSatisfaction
    }
}

/// How one unit works: how fast it signs and resolves and how well.
public struct HandlerProfile: Sendable {
    /// Typical sign-for delay as a share of the limit.
    public var signForFraction: Double
    /// Share of its tickets signed late.
    public var lateShare: Double
    public var sendBackShare: Double
    public var whistleShare: Double
    /// 0 (poor) to 1 (excellent): drives the return-visit answers.
    public var quality: Double
}

extension SimulatedTicket {
    /// The township's own steps a ticket led by a street or township takes, fixed by its index:
    /// every fourth goes down to a community after the leader's sign-off (one in three of those with
    /// the district's public security bureau called to help, 帮办), one in a hundred is a dispute put
    /// to a community panel (下交群评) that sits six hours later, one in fifty is handed up
    /// to the district's housing department, one in a hundred is marked unreasonable and agreed by
    /// the center. Taken from the index, not drawn from the seed's stream, so that every other
    /// decision of a seeded month stays what it was.
    public struct TownshipSteps: Sendable, Equatable {
        public var goesDown: Bool
        public var callsHelpers: Bool
        public var handedDown: Bool
        public var handedUp: Bool
        public var unreasonable: Bool
    }

    public var townshipSteps: TownshipSteps {
        TownshipSteps(
            goesDown: index % 4 == 1, callsHelpers: index % 12 == 1, handedDown: index % 100 == 37,
            handedUp: index % 50 == 7,
            unreasonable: index % 100 == 13)
    }
}

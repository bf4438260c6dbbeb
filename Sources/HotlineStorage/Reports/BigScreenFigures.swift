public import Foundation

/// What the big screen (大屏) shows that the period reports do not: the day's and month's intake
/// as it happens, the newest tickets, and every township's load for the map.
public enum BigScreenFigures {
    /// Requests received today and this month, and this month's by channel and by type.
    public struct Intake: Sendable, Equatable {
        public var today: Int
        public var month: Int
        public var byChannel: [PeriodReport.Count]
        public var byType: [PeriodReport.Count]

        public init(today: Int, month: Int, byChannel: [PeriodReport.Count], byType: [PeriodReport.Count]) {
            self.today = today
            self.month = month
            self.byChannel = byChannel
            self.byType = byType
        }
    }

    /// A newly received ticket as the big screen lists it: no caller data, no request text.
    public struct LatestTicket: Sendable, Equatable {
        public var id: UUID
        public var number: String
        public var receivedAt: Date
        public var categoryName: String?
        public var townshipName: String?

        public init(id: UUID, number: String, receivedAt: Date, categoryName: String?, townshipName: String?) {
            self.id = id
            self.number = number
            self.receivedAt = receivedAt
            self.categoryName = categoryName
            self.townshipName = townshipName
        }
    }

    /// A township's tickets received in a period, and how many of them went overdue.
    public struct TownshipLoad: Sendable, Equatable {
        public var code: String
        public var name: String
        public var districtCode: String
        public var received: Int
        public var overdue: Int

        public init(code: String, name: String, districtCode: String, received: Int, overdue: Int) {
            self.code = code
            self.name = name
            self.districtCode = districtCode
            self.received = received
            self.overdue = overdue
        }
    }
}

import HotlineDomain

/// `GET /group-cases/{id}`: the case and its linked tickets, oldest first.
struct GroupCaseDetailView: Encodable {
    var groupCase: GroupCaseView
    var tickets: [GroupCaseTicketView]

    enum CodingKeys: String, CodingKey {
        case tickets
        case groupCase = "group_case"
    }

    init(_ groupCase: GroupCase, tickets: [GroupCaseTicket]) {
        self.groupCase = GroupCaseView(groupCase)
        self.tickets = tickets.map(GroupCaseTicketView.init)
    }
}

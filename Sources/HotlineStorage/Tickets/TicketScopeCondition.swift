public import HotlineDomain

extension TicketScope {
    /// The SQL condition that keeps, of the `tickets` rows named `alias`, those in this scope
    /// (`TicketScope.contains` in SQL; a unit's summons are the rows of `ticket_whistles`).
    func condition(on alias: String) -> QueryFragment {
        switch self {
        case .city:
            "TRUE"
        case .district(let district):
            "(\(unescaped: alias).district_code = \(district) OR \(unescaped: alias).unit_code = \(district))"
        case .unit(let unit):
            """
            (\(unescaped: alias).unit_code = \(unit) OR \(unit) = ANY(\(unescaped: alias).co_unit_codes)
             OR \(unescaped: alias).hand_up_unit = \(unit)
             OR EXISTS (SELECT 1 FROM ticket_whistles w WHERE w.ticket_id = \(unescaped: alias).id AND w.department_code = \(unit)))
            """
        case .community(let community):
            "\(unescaped: alias).community_code = \(community)"
        case .nothing:
            "FALSE"
        }
    }
}

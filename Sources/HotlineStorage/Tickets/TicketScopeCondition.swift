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
            // One indexed arm per way a ticket is the unit's: an OR across them (an EXISTS among
            // them) would read the whole table for a unit with few tickets.
            """
            \(unescaped: alias).id IN (
                SELECT id FROM tickets WHERE unit_code = \(unit)
                UNION ALL SELECT id FROM tickets WHERE co_unit_codes @> ARRAY[\(unit)]::text[]
                UNION ALL SELECT id FROM tickets WHERE hand_up_unit = \(unit)
                UNION ALL SELECT ticket_id FROM ticket_whistles WHERE department_code = \(unit))
            """
        case .community(let community):
            "\(unescaped: alias).community_code = \(community)"
        case .nothing:
            "FALSE"
        }
    }
}

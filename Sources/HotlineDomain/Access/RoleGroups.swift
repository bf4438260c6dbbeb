/// The roles allowed each kind of route.
extension Role {
    /// Every role of the city's own people: reading tickets, queues and reference data. External
    /// systems are not among them: they reach only the Open311 routes.
    public static let everyone: Set<Role> = [.operator, .handler, .analyst, .admin, .gridWorker]
    /// Recording tickets, classifying them and answering directly.
    public static let intake: Set<Role> = [.operator, .admin]
    /// Filing a ticket: intake, and grid workers reporting what they found (`grid_worker` channel).
    public static let filing: Set<Role> = [.operator, .admin, .gridWorker]
    /// Classification previews.
    public static let readers: Set<Role> = [.operator, .analyst, .admin]
    /// Handling actions.
    public static let handling: Set<Role> = [.handler, .operator, .admin]
    /// Actions on one ticket: handling, and a grid worker's report back on its community's task
    /// (`Principal.mayHandle` narrows each role to its part).
    public static let ticketActions: Set<Role> = [.handler, .operator, .admin, .gridWorker]
    /// Marking a unit's inbox read or acknowledged: the unit's own handlers (a community's grid workers).
    public static let unitHandlers: Set<Role> = [.handler, .gridWorker]
    /// Filing requests through Open311.
    public static let externalSystems: Set<Role> = [.external]
    /// The roles that act for one org unit, named with the token or the person.
    public static let unitBound: Set<Role> = [.handler, .gridWorker]
    /// The audit trail of unmasked reads.
    public static let administration: Set<Role> = [.admin]
}

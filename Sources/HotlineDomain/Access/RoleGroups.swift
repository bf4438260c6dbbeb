/// The roles allowed each kind of route.
extension Role {
    /// Every role of the city's own people: reading tickets, queues and reference data. External
    /// systems are not among them: they reach only the Open311 routes.
    public static let everyone: Set<Role> = [.operator, .handler, .analyst, .admin]
    /// Recording tickets, classifying them and answering directly.
    public static let intake: Set<Role> = [.operator, .admin]
    /// Classification previews.
    public static let readers: Set<Role> = [.operator, .analyst, .admin]
    /// Handling actions.
    public static let handling: Set<Role> = [.handler, .operator, .admin]
    /// Marking a unit's inbox read or acknowledged: the unit's own handlers.
    public static let unitHandlers: Set<Role> = [.handler]
    /// Filing requests through Open311.
    public static let externalSystems: Set<Role> = [.external]
    /// The audit trail of unmasked reads.
    public static let administration: Set<Role> = [.admin]
}

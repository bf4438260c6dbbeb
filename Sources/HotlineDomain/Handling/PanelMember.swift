/// A member of a hand-down panel (下交群评): the community puts a dispute to people its residents
/// trust, named with the part they take.
public struct PanelMember: Codable, Sendable, Equatable {
    /// What a member brings to the panel.
    public enum Role: String, Codable, Sendable, CaseIterable {
        /// 老干部、老党员、老模范: the elders residents respect.
        case elder
        /// 律师: a lawyer.
        case lawyer
        /// 居民代表/村民代表: a representative of the residents or villagers.
        case residentsRepresentative = "residents_representative"
        /// 司法所工作人员: an officer of the township's judicial office.
        case judicialOfficer = "judicial_officer"
        /// 人民调解员: a people's mediator.
        case mediator
    }

    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

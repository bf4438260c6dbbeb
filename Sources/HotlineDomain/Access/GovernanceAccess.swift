/// Who may see and act on governance (每月一题): the annual screening, the tasks, their progress.
extension Principal {
    /// Which governance tasks a caller reads.
    public enum GovernanceTaskView: Sendable, Equatable {
        /// Every task (the city's watchers, the sub-centers and townships: the city's programme is
        /// theirs to carry out); `district` narrows the per-district effect to one district.
        case all(district: String?)
        /// Only the tasks a department or enterprise leads or helps with.
        case involving(String)
    }

    /// The tasks this caller reads, or nil (operators, communities, external systems).
    public var governanceTaskView: GovernanceTaskView? {
        if mayWatchCity { return .all(district: nil) }
        guard role == .handler, let unitCode else { return nil }
        switch unitKind {
        case .subCenter, .township: return .all(district: districtCode)
        case .department, .enterprise: return .involving(unitCode)
        case .center, .community, nil: return nil
        }
    }

    /// Whether this caller may run the annual screening: the city's watchers.
    public var mayScreenProblems: Bool { mayWatchCity }

    /// Whether this caller may adopt a problem as a governance task: administrators.
    public var mayAdoptGovernanceTasks: Bool { role == .admin }

    /// Whether this caller may report a month's progress on `task`: its lead's handlers, and
    /// administrators recording a report on the lead's behalf.
    public func mayReportProgress(on task: GovernanceTask) -> Bool {
        role == .admin || (role == .handler && unitCode == task.leadUnitCode)
    }
}

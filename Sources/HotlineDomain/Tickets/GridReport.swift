/// A problem a grid worker (网格员) found and reported: who reported it and from which community.
/// The ticket keeps both, so the community follows what its own grid worker found.
public struct GridReport: Sendable, Equatable {
    /// The grid worker's name (the token's or the person's).
    public var reporter: String
    public var communityCode: String

    public init(reporter: String, communityCode: String) {
        self.reporter = reporter
        self.communityCode = communityCode
    }
}

extension Principal {
    /// The report this caller files, when it is a grid worker of a community: nil for everyone
    /// else. A grid worker files only on the `grid_worker` channel (`gridReportFindings`).
    public var gridReport: GridReport? {
        guard role == .gridWorker, case .community(let community) = scope else { return nil }
        return GridReport(reporter: name, communityCode: community)
    }

    /// What is wrong with `request` filed by this caller (`answered`: with an answer given on the
    /// spot): a grid worker files on the `grid_worker` channel only, once bound to a community, and
    /// its report is dispatched, never answered at intake.
    public func gridReportFindings(_ request: TicketRequest, answered: Bool) -> [FieldFinding] {
        guard role == .gridWorker else { return [] }
        var findings: [FieldFinding] = []
        if gridReport == nil {
            findings.append(FieldFinding(field: "token", detail: "a grid worker's token must name a community"))
        }
        if request.channel != .gridWorker {
            findings.append(FieldFinding(field: "channel", detail: "a grid worker files on the grid_worker channel"))
        }
        if answered {
            findings.append(FieldFinding(field: "answer", detail: "a grid worker's report is dispatched, not answered"))
        }
        return findings
    }
}

import HotlineDomain

/// The links in a page's header, by the person's role and unit.
enum Navigation {
    struct Item {
        var href: String
        var labelKey: String
        var current: Bool
    }

    /// Where `principal` may go, the page at `path` marked current.
    static func items(for principal: Principal?, current path: String) -> [Item] {
        guard let principal else { return [] }
        var links: [(String, String)] = []
        switch principal.role {
        case .operator:
            links = [("/ui/desk", "nav.desk"), ("/ui/review", "nav.review")]
        case .handler:
            if let unit = principal.unitCode { links.append(("/ui/units/\(unit)", "nav.workbench")) }
            if principal.mayReadSupervision { links.append(("/ui/supervision", "nav.supervision")) }
            switch principal.scope {
            case .city: links += [("/ui/big-screen", "nav.big_screen"), ("/ui/assessment", "nav.assessment")]
            case .district: links.append(("/ui/assessment", "nav.assessment"))
            case .unit, .community, .nothing: break
            }
        case .gridWorker:
            if let unit = principal.unitCode { links.append(("/ui/units/\(unit)", "nav.workbench")) }
        case .analyst:
            links = [
                ("/ui/supervision", "nav.supervision"), ("/ui/big-screen", "nav.big_screen"),
                ("/ui/assessment", "nav.assessment"),
            ]
        case .admin:
            links = [
                ("/ui/desk", "nav.desk"), ("/ui/review", "nav.review"), ("/ui/supervision", "nav.supervision"),
                ("/ui/big-screen", "nav.big_screen"), ("/ui/assessment", "nav.assessment"),
            ]
        case .external:
            links = []
        }
        if principal.reportScope != nil { links.append(("/ui/reports", "nav.reports")) }
        return links.map { Item(href: $0.0, labelKey: $0.1, current: path == $0.0 || path.hasPrefix($0.0 + "/")) }
    }

    /// The first page of `principal` after signing in.
    static func home(for principal: Principal) -> String {
        items(for: principal, current: "").first?.href ?? "/ui/sign-in"
    }
}
